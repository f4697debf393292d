// Vite bundles the stylesheets main.tsx imports for their side effect; they export nothing.
declare module '*.css' {}
