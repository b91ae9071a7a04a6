import type { z } from "zod";
import type { ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";

type Answer = { status: number; problem: string | null };

/**
 * The statuses the routes really answered in a test, per operation, held against what the
 * OpenAPI document describes: every answer described (its body matching the described schema),
 * and every described status answered at least once.
 */
export class AnswerLog {
  private readonly answers = new Map<string, Answer[]>();

  constructor(private readonly paths: ZodOpenApiPathsObject) {}

  private described(template: string, method: string) {
    const operation = this.paths[template]?.[method.toLowerCase() as "get"];
    if (!operation) throw new Error(`${method} ${template} is not described`);
    return operation.responses as Record<string, ZodOpenApiResponseObject>;
  }

  /** One answer of `method template`; its body is read (a clone) and checked against the document. */
  async record(method: string, template: string, response: Response): Promise<Response> {
    const responses = this.described(template, method);
    const described = responses[String(response.status)] ?? responses.default;
    let problem: string | null = null;
    if (!described) problem = "status not described";
    else problem = await bodyProblem(described, response.clone());
    const key = `${method} ${template}`;
    this.answers.set(key, [...(this.answers.get(key) ?? []), { status: response.status, problem }]);
    return response;
  }

  /** Everything that disagrees with the document, in words; empty when it all agrees. */
  disagreements(): string[] {
    const found: string[] = [];
    for (const [template, item] of Object.entries(this.paths)) {
      for (const method of ["get", "post", "put", "patch", "delete"] as const) {
        const operation = item[method];
        if (!operation) continue;
        const key = `${method.toUpperCase()} ${template}`;
        const answers = this.answers.get(key) ?? [];
        const explicit = Object.keys(operation.responses).filter((status) => status !== "default");
        for (const answer of answers)
          if (answer.problem) found.push(`${key} answered ${answer.status}: ${answer.problem}`);
        for (const status of explicit)
          if (!answers.some((answer) => String(answer.status) === status))
            found.push(`${key} never answered the described ${status}`);
        if ("default" in operation.responses && !answers.some((a) => !explicit.includes(String(a.status))))
          found.push(`${key} never answered a status of its described default`);
      }
    }
    return found;
  }
}

async function bodyProblem(described: ZodOpenApiResponseObject, response: Response): Promise<string | null> {
  const types = Object.keys(described.content ?? {});
  if (types.length === 0) return null;
  const type = response.headers.get("content-type") ?? "";
  const media = types.find((t) => type.startsWith(t));
  if (!media) return `content type ${type || "none"}, described ${types.join(", ")}`;
  if (media !== "application/json") return null;
  const schema = described.content?.[media]?.schema as z.ZodType | undefined;
  if (!schema || !("safeParse" in schema)) return null;
  const parsed = schema.safeParse(await response.json());
  return parsed.success ? null : `body does not match: ${parsed.error.message.slice(0, 300)}`;
}
