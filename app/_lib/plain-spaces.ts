// Dates and times rendered by a client component are formatted twice, by the server's Node and
// again by the browser while hydrating. Node's ICU writes a narrow no-break space before "AM" and
// thin spaces around a range's dash ("10:00 AM – 12:00 PM"); Debian's Chromium writes plain spaces.
// The text differed, React threw the server's HTML away (#418), and with it anything typed. Both
// sides write plain spaces through this.
export const plainSpaces = (text: string) => text.replace(/[\u2009\u202f]/g, " ");
