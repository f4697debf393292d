/**
 * "Skip to content": the first Tab stop of every screen, visible only while focused, so a keyboard or
 * switch user passes the navigation in one key. It focuses the target instead of following its hash,
 * because the hash is the app's route (#/calendar) and "#main" would leave the screen.
 */
export function SkipLink({ target }: { target: string }) {
  return (
    <a
      className="skip-link"
      href={`#${target}`}
      data-testid="skip-link"
      onClick={(e) => {
        e.preventDefault()
        document.getElementById(target)?.focus()
      }}
    >
      Skip to content
    </a>
  )
}
