import { and, count, eq, inArray, like } from "drizzle-orm";
import { describe, expect } from "vitest";
import { agents, approvals, customers, events, optimizations, recommendations } from "../src/schema/index.js";
import { onlyRow } from "../src/sql.js";
import { sampleCustomer } from "../src/testing/fixtures.js";
import { rejection, useTestDatabase } from "./support.js";

const { it } = useTestDatabase();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("phase 0.2a core (spec §9.1)", () => {
  it("1: creates a customer; the database fills id, created_at and updated_at", async ({ tx }) => {
    const created = onlyRow(
      await tx
        .insert(customers)
        .values({ name: "Test Corp", email: "test@example.com", apiKey: "test_key_123", plan: "startup" })
        .returning(),
      "customer",
    );
    expect(created.id).toMatch(UUID);
    expect(created.createdAt).toBeInstanceOf(Date);
    expect(created.updatedAt).toEqual(created.createdAt);
    const read = await tx.query.customers.findFirst({ where: eq(customers.id, created.id) });
    expect(read).toEqual({
      id: created.id,
      name: "Test Corp",
      email: "test@example.com",
      apiKey: "test_key_123",
      plan: "startup",
      status: "active",
      metadata: {},
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
    });
  });

  it("2: a second customer with the same email violates customers_email_key", async ({ tx }) => {
    await tx.insert(customers).values({ name: "First", email: "test@example.com" });
    const error = await rejection(tx, (sp) =>
      sp.insert(customers).values({ name: "Second", email: "test@example.com" }),
    );
    expect(error).toMatchObject({ code: "23505", constraint: "customers_email_key" });
  });

  it("3: customer metadata round-trips", async ({ tx }) => {
    const { id } = await sampleCustomer(tx, { metadata: { industry: "tech", size: "100-500" } });
    const read = await tx.query.customers.findFirst({ where: eq(customers.id, id) });
    expect(read?.metadata).toEqual({ industry: "tech", size: "100-500" });
  });

  it("4: creates a cost agent whose capabilities include spot_migration", async ({ tx }) => {
    const { id } = onlyRow(
      await tx
        .insert(agents)
        .values({
          type: "cost",
          name: "cost-agent-test",
          version: "1.0.0",
          status: "healthy",
          endpoint: "http://localhost:8001",
          capabilities: ["spot_migration", "right_sizing"],
        })
        .returning(),
      "agent",
    );
    const read = await tx.query.agents.findFirst({ where: eq(agents.id, id) });
    expect(read).toMatchObject({
      type: "cost",
      name: "cost-agent-test",
      version: "1.0.0",
      status: "healthy",
      endpoint: "http://localhost:8001",
      capabilities: ["spot_migration", "right_sizing"],
      metadata: {},
      lastHeartbeat: null,
    });
    expect(read?.capabilities).toContain("spot_migration");
  });

  it("5: an agent's last_heartbeat reads back as the Date written", async ({ tx }) => {
    const heartbeat = new Date();
    const { id } = onlyRow(
      await tx
        .insert(agents)
        .values({ type: "orchestrator", name: "orchestrator-test", lastHeartbeat: heartbeat })
        .returning(),
      "agent",
    );
    const read = await tx.query.agents.findFirst({ where: eq(agents.id, id) });
    expect(read?.lastHeartbeat).toBeInstanceOf(Date);
    expect(read?.lastHeartbeat?.getTime()).toBe(heartbeat.getTime());
  });

  it("6: an event round-trips with its customer and agent", async ({ tx }) => {
    const customer = await sampleCustomer(tx);
    const agent = onlyRow(
      await tx.insert(agents).values({ type: "cost", name: "cost-events" }).returning(),
      "agent",
    );
    const { id } = onlyRow(
      await tx
        .insert(events)
        .values({
          customerId: customer.id,
          agentId: agent.id,
          eventType: "test_event",
          data: { test: "data" },
        })
        .returning(),
      "event",
    );
    const read = await tx.query.events.findFirst({
      where: eq(events.id, id),
      with: { customer: true, agent: true },
    });
    expect(read).toMatchObject({
      customerId: customer.id,
      agentId: agent.id,
      eventType: "test_event",
      severity: "info",
      data: { test: "data" },
    });
    expect(read?.customer.id).toBe(customer.id);
    expect(read?.agent?.id).toBe(agent.id);
  });

  it("7: deleting a customer deletes its events (ON DELETE CASCADE)", async ({ tx }) => {
    const customer = await sampleCustomer(tx);
    const { id } = onlyRow(
      await tx.insert(events).values({ customerId: customer.id, eventType: "doomed" }).returning(),
      "event",
    );
    await tx.delete(customers).where(eq(customers.id, customer.id));
    expect(await tx.select().from(events).where(eq(events.id, id))).toEqual([]);
  });

  it("8: a recommendation round-trips; numeric savings read back as an exact decimal string", async ({
    tx,
  }) => {
    const customer = await sampleCustomer(tx);
    const agent = onlyRow(
      await tx.insert(agents).values({ type: "cost", name: "cost-recs" }).returning(),
      "agent",
    );
    const { id } = onlyRow(
      await tx
        .insert(recommendations)
        .values({
          customerId: customer.id,
          agentId: agent.id,
          type: "spot_migration",
          title: "Migrate to spot",
          estimatedSavings: "1000",
          confidenceScore: 0.9,
          priority: "high",
        })
        .returning(),
      "recommendation",
    );
    const read = await tx.query.recommendations.findFirst({ where: eq(recommendations.id, id) });
    expect(read).toMatchObject({
      type: "spot_migration",
      title: "Migrate to spot",
      estimatedSavings: "1000.00",
      estimatedImprovement: null,
      confidenceScore: 0.9,
      priority: "high",
      status: "pending",
      data: {},
      approvedAt: null,
      executedAt: null,
    });
  });

  it("9: an approval round-trips with its recommendation", async ({ tx }) => {
    const recommendation = await newRecommendation(tx, "rec-approval");
    const { id } = onlyRow(
      await tx
        .insert(approvals)
        .values({
          recommendationId: recommendation.id,
          approvedBy: "admin@example.com",
          status: "approved",
          comment: "Looks good!",
        })
        .returning(),
      "approval",
    );
    const read = await tx.query.approvals.findFirst({
      where: eq(approvals.id, id),
      with: { recommendation: true },
    });
    expect(read).toMatchObject({
      approvedBy: "admin@example.com",
      status: "approved",
      comment: "Looks good!",
    });
    expect(read?.recommendation.id).toBe(recommendation.id);
  });

  it("10: an optimization round-trips with its progress and result", async ({ tx }) => {
    const recommendation = await newRecommendation(tx, "rec-optimization");
    const { id } = onlyRow(
      await tx
        .insert(optimizations)
        .values({
          recommendationId: recommendation.id,
          customerId: recommendation.customerId,
          agentId: recommendation.agentId,
          status: "executing",
          progress: 50,
          result: { phase: "10%" },
        })
        .returning(),
      "optimization",
    );
    const read = await tx.query.optimizations.findFirst({ where: eq(optimizations.id, id) });
    expect(read).toMatchObject({ status: "executing", progress: 50, result: { phase: "10%" }, error: null });
  });

  it("11: customer.recommendations holds exactly the customer's two recommendations", async ({ tx }) => {
    const first = await newRecommendation(tx, "rec-pair");
    const second = onlyRow(
      await tx
        .insert(recommendations)
        .values({
          customerId: first.customerId,
          agentId: first.agentId,
          type: "right_sizing",
          title: "Second",
        })
        .returning(),
      "recommendation",
    );
    await newRecommendation(tx, "rec-other-customer");
    const read = await tx.query.customers.findFirst({
      where: eq(customers.id, first.customerId),
      with: { recommendations: { orderBy: (r, { asc }) => [asc(r.title)] } },
    });
    expect(read?.recommendations.map((r) => r.id)).toEqual(
      [first.id, second.id].sort(byTitle(first, second)),
    );
  });

  it("12: bulk inserts land as the database counts them", async ({ tx }) => {
    const bulkCustomers = await tx
      .insert(customers)
      .values([1, 2, 3].map((n) => ({ name: `Integration ${n}`, email: `customer${n}@integration.com` })))
      .returning();
    const bulkAgents = await tx
      .insert(agents)
      .values([
        { type: "cost" as const, name: "integration-cost-1" },
        { type: "cost" as const, name: "integration-cost-2" },
        { type: "performance" as const, name: "integration-perf-1" },
        { type: "performance" as const, name: "integration-perf-2" },
        { type: "performance" as const, name: "integration-perf-3" },
      ])
      .returning();
    const customerIds = bulkCustomers.map((c) => c.id);
    const agentIds = bulkAgents.map((a) => a.id);
    await tx.insert(events).values(
      bulkCustomers.map((c, i) => ({
        customerId: c.id,
        agentId: agentIds[i] ?? null,
        eventType: `bulk_${i}`,
      })),
    );
    await tx.insert(recommendations).values(
      bulkCustomers.map((c, i) => ({
        customerId: c.id,
        agentId: agentIds[i] as string,
        type: "spot_migration",
        title: `Bulk ${i}`,
      })),
    );
    const [customerCount] = await tx
      .select({ n: count() })
      .from(customers)
      .where(like(customers.email, "%@integration.com"));
    const [costAgentCount] = await tx
      .select({ n: count() })
      .from(agents)
      .where(and(eq(agents.type, "cost"), like(agents.name, "integration-%")));
    const [eventCount] = await tx
      .select({ n: count() })
      .from(events)
      .where(inArray(events.customerId, customerIds));
    const [recommendationCount] = await tx
      .select({ n: count() })
      .from(recommendations)
      .where(inArray(recommendations.customerId, customerIds));
    expect([customerCount?.n, costAgentCount?.n, eventCount?.n, recommendationCount?.n]).toEqual([
      3, 2, 3, 3,
    ]);
  });

  it("13: filters by status and type find exactly the matching rows", async ({ tx }) => {
    await tx.insert(customers).values([
      { name: "Active 1", email: "active1@filter.com", status: "active" },
      { name: "Active 2", email: "active2@filter.com", status: "active" },
      { name: "Suspended", email: "suspended@filter.com", status: "suspended" },
    ]);
    await tx.insert(agents).values([
      { type: "cost", name: "filter-cost-1" },
      { type: "cost", name: "filter-cost-2" },
      { type: "performance", name: "filter-perf-1" },
    ]);
    const filtered = (status: "active" | "suspended") =>
      tx
        .select({ email: customers.email })
        .from(customers)
        .where(and(eq(customers.status, status), like(customers.email, "%@filter.com")))
        .orderBy(customers.email);
    expect(await filtered("active")).toEqual([
      { email: "active1@filter.com" },
      { email: "active2@filter.com" },
    ]);
    expect(await filtered("suspended")).toEqual([{ email: "suspended@filter.com" }]);
    const costAgents = await tx
      .select({ name: agents.name })
      .from(agents)
      .where(and(eq(agents.type, "cost"), like(agents.name, "filter-%")))
      .orderBy(agents.name);
    expect(costAgents).toEqual([{ name: "filter-cost-1" }, { name: "filter-cost-2" }]);
  });
});

async function newRecommendation(tx: Parameters<typeof sampleCustomer>[0], agentName: string) {
  const customer = await sampleCustomer(tx);
  const agent = onlyRow(
    await tx.insert(agents).values({ type: "cost", name: agentName }).returning(),
    "agent",
  );
  return onlyRow(
    await tx
      .insert(recommendations)
      .values({ customerId: customer.id, agentId: agent.id, type: "spot_migration", title: "First" })
      .returning(),
    "recommendation",
  );
}

function byTitle(first: { id: string }, second: { id: string }) {
  // "First" sorts before "Second".
  return (a: string, b: string) => (a === first.id ? -1 : b === first.id ? 1 : a === second.id ? -1 : 1);
}
