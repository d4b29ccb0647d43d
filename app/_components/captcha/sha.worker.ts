// The CAPTCHA's proof-of-work worker (ALTCHA's SHA worker), bundled and served from /_next/static
// like any of our scripts: no blob: URL, no third party.
import "altcha/workers/sha";
