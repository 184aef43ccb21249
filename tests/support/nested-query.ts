/** `{ model(name: "<model>") { field { field { … name } } } }`, `levels` fields deep under model. */
export function nestedModelQuery(model: string, field: string, levels: number): string {
  let selection = 'name';
  for (let i = 0; i < levels; i += 1) selection = `${field} { ${selection} }`;
  return `{ model(name: ${JSON.stringify(model)}) { ${selection} } }`;
}
