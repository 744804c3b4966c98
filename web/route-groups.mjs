// Reads a split bundle's entry (src/main.rs, src/bin/resident.rs): which group of pages
// (`lazy_pages!`, web/src/lazy_page.rs) each route path opens. web/assemble.mjs writes the result
// into index.html, which then fetches the chunks of the page a path opens beside the main module,
// instead of one round trip after it. The entry stays the one place routes and groups are written.

/** Returns [[path pattern, group]] for every lazily loaded route; throws when a route is not understood. */
export function routeGroups(source, entry) {
  const groupOf = new Map();
  for (const [, group, body] of source.matchAll(/lazy_pages!\s*\{\s*(\w+)\s*\{([^}]*)\}/g)) {
    for (const [, route] of body.matchAll(/(\w+)\s*=>/g)) groupOf.set(route, group);
  }
  const routes = [];
  const parents = [];
  const tags = /<ParentRoute path=path!\("([^"]*)"\)|<\/ParentRoute>|<Route path=path!\("([^"]*)"\) view=\{Lazy::<(\w+)>::new\(\)\}\/>/g;
  for (const [tag, parent, path, route] of source.matchAll(tags)) {
    if (tag.startsWith('</')) parents.pop();
    else if (parent !== undefined) parents.push(parent);
    else {
      const group = groupOf.get(route);
      if (!group) throw new Error(`${entry}: the route ${path} opens ${route}, which no lazy_pages! group lists`);
      routes.push([parents.join('') + path, group]);
    }
  }
  const lazy = [...source.matchAll(/Lazy::</g)].length;
  if (routes.length !== lazy || lazy === 0) {
    throw new Error(`${entry}: ${lazy} lazily loaded routes, ${routes.length} understood; write each as <Route path=path!("…") view={Lazy::<…>::new()}/>`);
  }
  return routes;
}
