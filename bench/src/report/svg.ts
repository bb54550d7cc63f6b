/** A few SVG elements as text: enough for a bar chart, no charting dependency. */

export type Attributes = Readonly<Record<string, string | number>>;

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function attributes(attrs: Attributes): string {
  return Object.entries(attrs)
    .map(([name, value]) => ` ${name}="${typeof value === "number" ? Number(value.toFixed(2)) : escape(value)}"`)
    .join("");
}

export function element(name: string, attrs: Attributes, content = ""): string {
  return content === "" ? `<${name}${attributes(attrs)}/>` : `<${name}${attributes(attrs)}>${content}</${name}>`;
}

export function label(x: number, y: number, text: string, attrs: Attributes = {}): string {
  return element("text", { x, y, ...attrs }, escape(text));
}

export function document(width: number, height: number, body: readonly string[]): string {
  const root = {
    xmlns: "http://www.w3.org/2000/svg",
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    "font-family": "system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif",
    "font-size": 11,
  };
  return `${element("svg", root, `\n${[element("rect", { width, height, fill: "#ffffff" }), ...body].join("\n")}\n`)}\n`;
}
