// A padlock drawn in SVG (no emoji font is needed on the reader's machine).
export function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="inline size-4 shrink-0 align-[-2px]" fill="currentColor">
      <path
        fillRule="evenodd"
        d="M10 2a4 4 0 0 0-4 4v2H5a2 2 0 0 0-2 2v6a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2v-6a2 2 0 0 0-2-2h-1V6a4 4 0 0 0-4-4Zm2 6V6a2 2 0 1 0-4 0v2h4Z"
        clipRule="evenodd"
      />
    </svg>
  );
}
