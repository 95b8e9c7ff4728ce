/** The data sets shipped with the lab (copied from data/ into the site): fetched once, same origin. */
const cache = new Map<string, Promise<string>>();

export function builtInCsv(name: string): Promise<string> {
  let text = cache.get(name);
  if (!text) {
    text = fetch(new URL(`data/${name}.csv`, document.baseURI)).then((response) => {
      if (!response.ok) throw new Error(`data/${name}.csv: HTTP ${response.status}`);
      return response.text();
    });
    cache.set(name, text);
  }
  return text;
}
