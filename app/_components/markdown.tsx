// A help-centre article's Markdown as HTML, safely: raw HTML in the text is dropped (never rendered),
// link and image addresses go through react-markdown's default filter (javascript:, data: and other
// unsafe schemes become empty), links to other sites open in a new tab without the opener or the
// referrer. No rehype-raw, ever. Headings start one level below the page's <h1> (the title).
import type { ComponentProps } from "react";
import ReactMarkdown, { defaultUrlTransform, type Components, type Options } from "react-markdown";

const heading = "font-semibold text-slate-900 dark:text-slate-100";

const components: Components = {
  h1: ({ node: _node, ...props }) => <h2 className={`mt-6 text-xl ${heading}`} {...props} />,
  h2: ({ node: _node, ...props }) => <h2 className={`mt-6 text-xl ${heading}`} {...props} />,
  h3: ({ node: _node, ...props }) => <h3 className={`mt-5 text-lg ${heading}`} {...props} />,
  h4: ({ node: _node, ...props }) => <h4 className={`mt-4 text-base ${heading}`} {...props} />,
  h5: ({ node: _node, ...props }) => <h5 className={`mt-4 text-base ${heading}`} {...props} />,
  h6: ({ node: _node, ...props }) => <h6 className={`mt-4 text-base ${heading}`} {...props} />,
  p: ({ node: _node, ...props }) => <p className="mt-3 leading-relaxed" {...props} />,
  ul: ({ node: _node, ...props }) => <ul className="mt-3 list-disc space-y-1 pl-6" {...props} />,
  ol: ({ node: _node, ...props }) => <ol className="mt-3 list-decimal space-y-1 pl-6" {...props} />,
  blockquote: ({ node: _node, ...props }) => (
    <blockquote className="mt-3 border-l-4 border-slate-300 pl-4 text-slate-700 dark:border-slate-600 dark:text-slate-300" {...props} />
  ),
  code: ({ node: _node, ...props }) => <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-sm dark:bg-slate-800" {...props} />,
  pre: ({ node: _node, ...props }) => (
    <pre
      className="mt-3 overflow-x-auto rounded-md bg-slate-100 p-3 font-mono text-sm dark:bg-slate-800 [&_code]:bg-transparent [&_code]:p-0"
      {...props}
    />
  ),
  hr: ({ node: _node, ...props }) => <hr className="my-6 border-slate-200 dark:border-slate-700" {...props} />,
  table: ({ node: _node, ...props }) => <table className="mt-3 w-full border-collapse text-sm" {...props} />,
  a: ({ node: _node, href, ...props }) => {
    const external = !!href && /^https?:\/\//i.test(href);
    return (
      <a
        href={href}
        className="font-medium text-brand-700 underline hover:text-brand-800 dark:text-brand-500 dark:hover:text-brand-100"
        {...(external ? { target: "_blank", rel: "noopener noreferrer nofollow" } : {})}
        {...props}
      />
    );
  },
  img: ({ node: _node, alt, src, ...props }) =>
    // An address the URL filter emptied (javascript:, data:…) leaves only the alt text.
    src ? (
      // Authors' images keep their alt text; a missing one is decorative.
      // eslint-disable-next-line @next/next/no-img-element -- arbitrary addresses an admin wrote, not Next's optimiser's
      <img src={src} alt={alt ?? ""} className="mt-3 max-w-full rounded-md" loading="lazy" {...props} />
    ) : (
      <span>{alt}</span>
    ),
};

/** The settings every article is rendered with (tests/unit/markdown.test.ts checks them). */
export const markdownOptions = {
  skipHtml: true,
  urlTransform: defaultUrlTransform,
  components,
} satisfies Omit<Options, "children">;

export function Markdown({ children, ...props }: { children: string } & Omit<ComponentProps<"div">, "children">) {
  return (
    <div {...props}>
      <ReactMarkdown {...markdownOptions}>{children}</ReactMarkdown>
    </div>
  );
}
