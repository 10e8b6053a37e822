import { and, count, eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "../src/client.js";
import { orderedSteps } from "../src/queries/workflows.js";
import { agents, workflowArtifacts, workflowExecutions, workflowSteps } from "../src/schema/index.js";
import { onlyRow } from "../src/sql.js";
import { sampleCustomer, sampleResourceAgent, sampleWorkflowExecution } from "../src/testing/fixtures.js";
import type { NewWorkflowStep, WorkflowExecution, WorkflowStep } from "../src/types.js";
import { MINUTE_MS, useTestDatabase } from "./support.js";

const { it } = useTestDatabase();

describe("phase 0.2c workflow history (spec §9.3)", () => {
  it("1: a running cost analysis round-trips its type, status, JSON and owners", async ({ tx }) => {
    const agent = await sampleResourceAgent(tx);
    const customer = await sampleCustomer(tx);
    const startedAt = new Date();
    const created = await sampleWorkflowExecution(tx, {
      agentId: agent.id,
      customerId: customer.id,
      workflowType: "cost_analysis",
      status: "running",
      startedAt,
      inputData: { test: "data" },
      metadata: { priority: "high" },
    });
    const read = await tx.query.workflowExecutions.findFirst({
      where: eq(workflowExecutions.id, created.id),
    });
    expect(read).toEqual({
      id: created.id,
      agentId: agent.id,
      customerId: customer.id,
      workflowType: "cost_analysis",
      status: "running",
      startedAt,
      completedAt: null,
      inputData: { test: "data" },
      outputData: {},
      errorDetails: null,
      metadata: { priority: "high" },
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
    });
  });

  it("2: execution.agent is the agent that ran it", async ({ tx }) => {
    const agent = onlyRow(
      await tx
        .insert(agents)
        .values({ type: "performance", name: "test-perf", status: "healthy" })
        .returning(),
      "agent",
    );
    const { id } = await sampleWorkflowExecution(tx, {
      agentId: agent.id,
      workflowType: "performance_tuning",
    });
    const read = await tx.query.workflowExecutions.findFirst({
      where: eq(workflowExecutions.id, id),
      with: { agent: true },
    });
    expect(read?.agent).toEqual(agent);
    expect(read?.agent.name).toBe("test-perf");
  });

  it("3: execution.customer is the customer it ran for", async ({ tx }) => {
    const customer = await sampleCustomer(tx, { name: "Test Customer 3" });
    const { id } = await sampleWorkflowExecution(tx, { customerId: customer.id });
    const read = await tx.query.workflowExecutions.findFirst({
      where: eq(workflowExecutions.id, id),
      with: { customer: true },
    });
    expect(read?.customer).toEqual(customer);
    expect(read?.customer.name).toBe("Test Customer 3");
  });

  it("4: pending → running → completed, each state persisted", async ({ tx }) => {
    const { id, status } = await sampleWorkflowExecution(tx, { status: "pending", startedAt: null });
    expect(status).toBe("pending");
    const lifecycle = () =>
      tx
        .select({
          status: workflowExecutions.status,
          startedAt: workflowExecutions.startedAt,
          completedAt: workflowExecutions.completedAt,
          outputData: workflowExecutions.outputData,
        })
        .from(workflowExecutions)
        .where(eq(workflowExecutions.id, id));
    expect(await lifecycle()).toEqual([
      { status: "pending", startedAt: null, completedAt: null, outputData: {} },
    ]);

    const startedAt = new Date(Date.now() - 5 * MINUTE_MS);
    await tx
      .update(workflowExecutions)
      .set({ status: "running", startedAt })
      .where(eq(workflowExecutions.id, id));
    expect(await lifecycle()).toEqual([{ status: "running", startedAt, completedAt: null, outputData: {} }]);

    const completedAt = new Date();
    await tx
      .update(workflowExecutions)
      .set({ status: "completed", completedAt, outputData: { result: "success" } })
      .where(eq(workflowExecutions.id, id));
    expect(await lifecycle()).toEqual([
      { status: "completed", startedAt, completedAt, outputData: { result: "success" } },
    ]);
  });

  it("5: a completed step round-trips its order, status and JSON", async ({ tx }) => {
    const execution = await sampleWorkflowExecution(tx);
    const created = onlyRow(
      await tx
        .insert(workflowSteps)
        .values({
          workflowExecutionId: execution.id,
          stepName: "analyze_costs",
          stepOrder: 1,
          status: "completed",
          inputData: { param: "value" },
          outputData: { result: 100 },
        })
        .returning(),
      "workflow step",
    );
    const read = await tx.query.workflowSteps.findFirst({ where: eq(workflowSteps.id, created.id) });
    expect(read).toEqual({
      id: created.id,
      workflowExecutionId: execution.id,
      stepName: "analyze_costs",
      stepOrder: 1,
      status: "completed",
      startedAt: null,
      completedAt: null,
      inputData: { param: "value" },
      outputData: { result: 100 },
      errorDetails: null,
      retryCount: 0,
      maxRetries: 3,
      metadata: {},
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
    });
  });

  it("6: five steps inserted out of order load as execution.steps ordered 1 … 5, three completed", async ({
    tx,
  }) => {
    const execution = await sampleWorkflowExecution(tx);
    await insertSteps(tx, execution, [4, 2, 5, 1, 3]);
    const read = await tx.query.workflowExecutions.findFirst({
      where: eq(workflowExecutions.id, execution.id),
      with: { steps: orderedSteps },
    });
    expect(
      read?.steps.map((s) => ({ stepOrder: s.stepOrder, stepName: s.stepName, status: s.status })),
    ).toEqual([
      { stepOrder: 1, stepName: "step_1", status: "completed" },
      { stepOrder: 2, stepName: "step_2", status: "completed" },
      { stepOrder: 3, stepName: "step_3", status: "completed" },
      { stepOrder: 4, stepName: "step_4", status: "running" },
      { stepOrder: 5, stepName: "step_5", status: "pending" },
    ]);
    expect(read?.steps.filter((s) => s.status === "completed")).toHaveLength(3);
  });

  it("7: a retrying step counts retries 0 → 1 → 2 → 3, then completes", async ({ tx }) => {
    const execution = await sampleWorkflowExecution(tx);
    const step = onlyRow(
      await tx
        .insert(workflowSteps)
        .values({
          workflowExecutionId: execution.id,
          stepName: "flaky_step",
          stepOrder: 1,
          status: "retrying",
        })
        .returning(),
      "workflow step",
    );
    const progress = async () =>
      onlyRow(
        await tx
          .select({ retryCount: workflowSteps.retryCount, status: workflowSteps.status })
          .from(workflowSteps)
          .where(eq(workflowSteps.id, step.id)),
        "workflow step",
      );
    const history = [await progress()];
    for (let retryCount = 1; retryCount <= step.maxRetries; retryCount++) {
      await tx
        .update(workflowSteps)
        .set(retryCount < step.maxRetries ? { retryCount, status: "retrying" } : { retryCount })
        .where(eq(workflowSteps.id, step.id));
      history.push(await progress());
    }
    await tx.update(workflowSteps).set({ status: "completed" }).where(eq(workflowSteps.id, step.id));
    history.push(await progress());
    expect(history).toEqual([
      { retryCount: 0, status: "retrying" },
      { retryCount: 1, status: "retrying" },
      { retryCount: 2, status: "retrying" },
      { retryCount: 3, status: "retrying" },
      { retryCount: 3, status: "completed" },
    ]);
  });

  it("8: a report artifact on a step round-trips with its step and execution", async ({ tx }) => {
    const execution = await sampleWorkflowExecution(tx);
    const [step] = await insertSteps(tx, execution, [1]);
    if (!step) throw new Error("Expected the step to be inserted.");
    const created = onlyRow(
      await tx
        .insert(workflowArtifacts)
        .values({
          workflowExecutionId: execution.id,
          workflowStepId: step.id,
          artifactType: "report",
          artifactName: "Cost Report",
          artifactPath: "s3://bucket/report.pdf",
          artifactSizeBytes: 1_024_000,
          metadata: { pages: 10 },
        })
        .returning(),
      "workflow artifact",
    );
    const read = await tx.query.workflowArtifacts.findFirst({
      where: eq(workflowArtifacts.id, created.id),
      with: { step: true, execution: true },
    });
    expect(read).toEqual({
      id: created.id,
      workflowExecutionId: execution.id,
      workflowStepId: step.id,
      artifactType: "report",
      artifactName: "Cost Report",
      artifactPath: "s3://bucket/report.pdf",
      artifactSizeBytes: 1_024_000,
      contentType: null,
      metadata: { pages: 10 },
      createdAt: created.createdAt,
      updatedAt: created.createdAt,
      step,
      execution,
    });
  });

  it("9: three execution-level chart artifacts: execution.artifacts has 3, a type query finds 3", async ({
    tx,
  }) => {
    const execution = await sampleWorkflowExecution(tx);
    const created = await insertChartArtifacts(tx, execution);
    const other = await sampleWorkflowExecution(tx);
    await insertChartArtifacts(tx, other);
    const read = await tx.query.workflowExecutions.findFirst({
      where: eq(workflowExecutions.id, execution.id),
      with: { artifacts: { orderBy: (a, { asc }) => [asc(a.artifactName)] } },
    });
    expect(read?.artifacts).toEqual(created);
    expect(read?.artifacts.map((a) => a.workflowStepId)).toEqual([null, null, null]);
    const [charts] = await tx
      .select({ n: count() })
      .from(workflowArtifacts)
      .where(
        and(
          eq(workflowArtifacts.workflowExecutionId, execution.id),
          eq(workflowArtifacts.artifactType, "chart"),
        ),
      );
    expect(charts?.n).toBe(3);
  });

  it("10: deleting the execution deletes its five steps (ON DELETE CASCADE)", async ({ tx }) => {
    const execution = await sampleWorkflowExecution(tx);
    await insertSteps(tx, execution, [1, 2, 3, 4, 5]);
    const stepOrders = () =>
      tx
        .select({ stepOrder: workflowSteps.stepOrder })
        .from(workflowSteps)
        .where(eq(workflowSteps.workflowExecutionId, execution.id))
        .orderBy(workflowSteps.stepOrder);
    expect(await stepOrders()).toEqual([1, 2, 3, 4, 5].map((stepOrder) => ({ stepOrder })));
    await tx.delete(workflowExecutions).where(eq(workflowExecutions.id, execution.id));
    expect(await stepOrders()).toEqual([]);
  });

  it("11: deleting the execution deletes its three artifacts (ON DELETE CASCADE)", async ({ tx }) => {
    const execution = await sampleWorkflowExecution(tx);
    await insertChartArtifacts(tx, execution);
    const artifactCount = async () => {
      const [row] = await tx
        .select({ n: count() })
        .from(workflowArtifacts)
        .where(eq(workflowArtifacts.workflowExecutionId, execution.id));
      return row?.n;
    };
    expect(await artifactCount()).toBe(3);
    await tx.delete(workflowExecutions).where(eq(workflowExecutions.id, execution.id));
    expect(await artifactCount()).toBe(0);
  });

  it("12: deleting the agent deletes its three executions (ON DELETE CASCADE)", async ({ tx }) => {
    const agent = await sampleResourceAgent(tx);
    const customer = await sampleCustomer(tx);
    for (const workflowType of ["cost_analysis", "resource_optimization", "scaling_decision"] as const) {
      await sampleWorkflowExecution(tx, { agentId: agent.id, customerId: customer.id, workflowType });
    }
    const executionCount = async () => {
      const [row] = await tx
        .select({ n: count() })
        .from(workflowExecutions)
        .where(eq(workflowExecutions.agentId, agent.id));
      return row?.n;
    };
    expect(await executionCount()).toBe(3);
    await tx.delete(agents).where(eq(agents.id, agent.id));
    expect(await executionCount()).toBe(0);
  });
});

/**
 * Steps `step_<order>` of `execution`, inserted in the order given: orders 1–3 completed, 4 running, the rest
 * pending. Returned in the order given.
 */
async function insertSteps(
  tx: Database,
  execution: WorkflowExecution,
  orders: number[],
): Promise<WorkflowStep[]> {
  const statusOf = (order: number): NewWorkflowStep["status"] =>
    order <= 3 ? "completed" : order === 4 ? "running" : "pending";
  const steps: WorkflowStep[] = [];
  for (const stepOrder of orders) {
    steps.push(
      onlyRow(
        await tx
          .insert(workflowSteps)
          .values({
            workflowExecutionId: execution.id,
            stepName: `step_${stepOrder}`,
            stepOrder,
            status: statusOf(stepOrder),
          })
          .returning(),
        "workflow step",
      ),
    );
  }
  return steps;
}

/** Charts 1–3 of the whole execution (no step), ordered by name. */
async function insertChartArtifacts(tx: Database, execution: WorkflowExecution) {
  return tx
    .insert(workflowArtifacts)
    .values(
      [1, 2, 3].map((n) => ({
        workflowExecutionId: execution.id,
        artifactType: "chart" as const,
        artifactName: `Chart ${n}`,
        artifactPath: `s3://bucket/charts/chart-${n}.png`,
      })),
    )
    .returning()
    .then((rows) => rows.sort((a, b) => a.artifactName.localeCompare(b.artifactName)));
}
