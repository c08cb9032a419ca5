// Fuzz: random and mutated bodies to POST /v1/leads and POST /v1/flow — a 2xx or a 4xx with a message, never a 500.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { compileFlow } from "../../src/engine";
import { buildService, type Service } from "../../src/runtime/service/app";
import { MemoryStore } from "../../src/runtime/store/memory";
import { cappedRoundRobin, patternFlow } from "../runtime/flows";
import { hostileValue, mutate, mutations, prototypesClean } from "./mutate";

const flow = patternFlow(3);
let service: Service | undefined;
afterAll(async () => {
  await service?.close();
});

async function app(): Promise<Service> {
  service ??= await buildService({ flow: { id: flow.id, compiled: compileFlow(flow) }, store: new MemoryStore(), rateLimit: false });
  return service;
}

const lead = fc.dictionary(fc.constantFrom("id", "createdAt", "email", "source", "__proto__", "constructor", "x"), hostileValue, {
  maxKeys: 5,
});

describe("fuzzed service bodies", () => {
  it("POST /v1/leads answers 200 or a 4xx with problems, never 500", async () => {
    const s = await app();
    await fc.assert(
      fc.asyncProperty(fc.oneof(lead, fc.record({ leads: fc.array(lead, { maxLength: 5 }) }), hostileValue), async (body) => {
        const res = await s.app.inject({
          method: "POST",
          url: "/v1/leads",
          headers: { "content-type": "application/json" },
          payload: JSON.stringify(body) ?? "null",
        });
        expect([200, 400, 413], res.body).toContain(res.statusCode);
        if (res.statusCode !== 200) expect(typeof res.json().error).toBe("string");
        expect(prototypesClean()).toBe(true);
      }),
      { numRuns: 400, seed: 21 },
    );
  });

  it("POST /v1/flow answers 200, 409 or 4xx with problems, never 500, and the flow in use stays valid", async () => {
    const s = await app();
    await fc.assert(
      fc.asyncProperty(mutations, async (steps) => {
        const res = await s.app.inject({
          method: "POST",
          url: "/v1/flow",
          headers: { "content-type": "application/json" },
          payload: JSON.stringify(mutate(cappedRoundRobin({ id: flow.id }), steps)),
        });
        expect([200, 400, 409, 413, 422], res.body).toContain(res.statusCode);
        expect(s.flow().compiled.issues.filter((i) => i.severity === "error")).toEqual([]);
        expect(prototypesClean()).toBe(true);
      }),
      { numRuns: 300, seed: 22 },
    );
  });
});
