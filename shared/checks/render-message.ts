// Fills {name} placeholders; an unknown name is left visible so a broken template shows in tests.
export function renderMessage(template: string, vars: Record<string, string>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) => (Object.hasOwn(vars, name) ? vars[name]! : whole));
}
