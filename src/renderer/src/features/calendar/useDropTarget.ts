import { useState, type DragEvent } from 'react'
import { DRAG_TYPE } from './plannerContext'

/**
 * A place an item can be dropped on (a day, an hour slot, the backlog): highlights while an item is
 * over it and hands the dropped item's id to `onDrop`. Drags of anything else are ignored.
 */
export function useDropTarget(onDrop: (id: string) => void) {
  const [over, setOver] = useState(false)
  return {
    over,
    handlers: {
      onDragOver: (e: DragEvent) => {
        if (!e.dataTransfer.types.includes(DRAG_TYPE)) return
        e.preventDefault()
        setOver(true)
      },
      onDragLeave: () => setOver(false),
      onDrop: (e: DragEvent) => {
        setOver(false)
        const id = e.dataTransfer.getData(DRAG_TYPE)
        if (!id) return
        e.preventDefault()
        onDrop(id)
      }
    }
  }
}
