// The first start's build, told as it goes: `next build` is silent while it compiles (about two
// minutes on 2 cores), so its output is passed through with the step it has reached and, while a
// step is silent, a line every few seconds saying which step and for how long.

/** The steps of `next build`, each recognised by the line that opens it. */
export const buildSteps = [
  { name: "compiling the app", opens: /Creating an optimized production build/ },
  { name: "checking types", opens: /Running TypeScript|Linting and checking validity of types/ },
  { name: "collecting page data", opens: /Collecting page data/ },
  { name: "generating pages", opens: /Generating static pages/ },
  { name: "finishing", opens: /Finalizing page optimization|Collecting build traces/ },
];

/** The index of the step a line of `next build` opens, or -1. */
export function stepOpenedBy(line) {
  return buildSteps.findIndex((step) => step.opens.test(line));
}

/** "1 min 05 s", "42 s". */
export function elapsed(ms) {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** Follows the lines of a build: `line()` for each, `tick()` on a timer; both return what to print. */
export function buildNarrator(now = Date.now) {
  const started = now();
  let step = -1;
  let stepStarted = started;
  let lastOutput = started;
  const label = (i) => `[build ${i + 1}/${buildSteps.length}] ${buildSteps[i].name}`;
  return {
    line(text) {
      lastOutput = now();
      const opened = stepOpenedBy(text);
      if (opened > step) {
        step = opened;
        stepStarted = lastOutput;
        return `${label(step)} (${elapsed(lastOutput - started)} since the build began)`;
      }
      return undefined;
    },
    /** Every `quiet` ms without output, how far along the build is. */
    tick(quiet = 10_000) {
      const at = now();
      if (at - lastOutput < quiet) return undefined;
      lastOutput = at;
      const where = step < 0 ? "[build] starting" : `${label(step)}: still at it`;
      return `${where}, ${elapsed(at - stepStarted)} on this step, ${elapsed(at - started)} in all`;
    },
    done() {
      return `[build] done in ${elapsed(now() - started)}`;
    },
  };
}
