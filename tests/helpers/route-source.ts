import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// Reads route files the way a reviewer does: the banner comment naming each
// endpoint, and the literal options each exported method passes to route().
// Used by tests/unit/openapi.test.ts to hold the OpenAPI catalogue to the code.

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every route file under app/api, as authz-matrix.test.ts walks them. */
export function routeFiles(dir = "app/api"): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...routeFiles(p));
    else if (name === "route.ts" || name === "route.tsx" || name === "route.js") out.push(p.split(path.sep).join("/"));
  }
  return out.sort();
}

/** app/api/client/transactions/[id]/route.ts → /api/client/transactions/{id} (route groups dropped). */
export function openApiPath(file: string): string {
  const segments = file.split("/").slice(1, -1); // drop "app" and "route.ts"
  return (
    "/" +
    segments
      .filter((s) => !/^\(.*\)$/.test(s))
      .map((s) => {
        if (s.startsWith("[...") || s.startsWith("[[")) throw new Error(`${file}: catch-all segments have no OpenAPI form`);
        return s.replace(/^\[(.+)\]$/, "{$1}");
      })
      .join("/")
  );
}

export interface BannerEntry {
  /** The path as the comment writes it, in OpenAPI style, without its query. */
  path: string;
  /** Everything after "METHOD /path" (a query hint such as "?asOf=…" stays), continuation lines joined with a space. */
  text: string;
}

/** The leading `//` comment: one entry per method line ("// POST /api/…: what it does"), continued by the lines after it. */
export function banner(source: string): Partial<Record<Method, BannerEntry>> {
  const out: Partial<Record<Method, BannerEntry>> = {};
  let current: BannerEntry | undefined;
  for (const raw of source.split("\n")) {
    if (!raw.startsWith("//")) break;
    const line = raw.replace(/^\/\/\s?/, "").trim();
    // The bare path ends at its query ("?asOf=…", "[?email=]"), at ": " or at a space.
    const m = /^(GET|POST|PUT|PATCH|DELETE) (\/[^\s?[]*?)(?=[?[]|:\s|\s|:?$)(.*)$/.exec(line);
    if (m) {
      current = { path: m[2]!.replace(/:([A-Za-z]\w*)/g, "{$1}"), text: m[3]!.replace(/^:\s*/, "").trim() };
      out[m[1] as Method] = current;
    } else if (current) {
      current.text = `${current.text} ${line}`.trim();
    }
  }
  return out;
}

export type OptionValue = string | boolean | string[] | { identifier: string; module: string; imported: string } | { unsupported: string };

export interface RouteCall {
  /** The literal options object passed to route(); null when the method is not `route(...)`. */
  options: Record<string, OptionValue> | null;
  /** The handler's source text (second argument of route(), or the function). */
  handlerText: string;
}

/** The exported methods of a route file and what each passes to route(). */
export function routeCalls(file: string, source = readFileSync(file, "utf8")): Partial<Record<Method, RouteCall>> {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const imports = new Map<string, { module: string; imported: string }>();
  for (const st of sf.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const bindings = st.importClause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) imports.set(el.name.text, { module: st.moduleSpecifier.text, imported: (el.propertyName ?? el.name).text });
    }
  }
  const value = (e: ts.Expression): OptionValue => {
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (e.kind === ts.SyntaxKind.FalseKeyword) return false;
    if (e.kind === ts.SyntaxKind.TrueKeyword) return true;
    if (ts.isArrayLiteralExpression(e) && e.elements.every((x) => ts.isStringLiteral(x))) return e.elements.map((x) => (x as ts.StringLiteral).text);
    if (ts.isIdentifier(e)) {
      const imp = imports.get(e.text);
      return imp ? { identifier: e.text, ...imp } : { unsupported: `${e.text} is not imported (declare the schema in lib/ and import it)` };
    }
    return { unsupported: e.getText(sf) };
  };
  const out: Partial<Record<Method, RouteCall>> = {};
  for (const st of sf.statements) {
    const exported = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(st) && st.name && (METHODS as string[]).includes(st.name.text)) {
      out[st.name.text as Method] = { options: null, handlerText: st.getText(sf) };
    }
    if (!ts.isVariableStatement(st)) continue;
    for (const d of st.declarationList.declarations) {
      if (!ts.isIdentifier(d.name) || !(METHODS as string[]).includes(d.name.text) || !d.initializer) continue;
      const init = d.initializer;
      if (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === "route" && init.arguments[0] && ts.isObjectLiteralExpression(init.arguments[0])) {
        const options: Record<string, OptionValue> = {};
        for (const p of init.arguments[0].properties) {
          if (ts.isPropertyAssignment(p) && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name))) options[p.name.text] = value(p.initializer);
          else options[p.name?.getText(sf) ?? "?"] = { unsupported: p.getText(sf) };
        }
        out[d.name.text as Method] = { options, handlerText: init.arguments[1]?.getText(sf) ?? "" };
      } else {
        out[d.name.text as Method] = { options: null, handlerText: init.getText(sf) };
      }
    }
  }
  return out;
}
