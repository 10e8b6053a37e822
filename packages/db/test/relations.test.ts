import { eq } from "drizzle-orm";
import { describe, expect } from "vitest";
import type { Database } from "../src/client.js";
import { orderedSteps } from "../src/queries/workflows.js";
import * as t from "../src/schema/index.js";
import { onlyRow } from "../src/sql.js";
import {
  sampleCustomer,
  sampleResourceAgent,
  sampleResourceMetric,
  sampleScalingEvent,
  sampleWorkflowExecution,
} from "../src/testing/fixtures.js";
import { useTestDatabase } from "./support.js";

const { it } = useTestDatabase();

/** The relations of spec §7, per table. */
const specRelations: Record<string, string[]> = {
  customers: [
    "events",
    "recommendations",
    "optimizations",
    "workflowExecutions",
    "resourceMetrics",
    "scalingEvents",
  ],
  agents: [
    "events",
    "recommendations",
    "optimizations",
    "configs",
    "state",
    "capabilityDetails",
    "metrics",
    "workflowExecutions",
    "resourceMetrics",
    "scalingEvents",
  ],
  events: ["customer", "agent"],
  recommendations: ["customer", "agent", "approvals", "optimizations"],
  approvals: ["recommendation"],
  optimizations: ["recommendation", "customer", "agent"],
  agentConfigs: ["agent"],
  agentStates: ["agent", "currentWorkflow"],
  agentCapabilities: ["agent"],
  agentMetrics: ["agent"],
  workflowExecutions: ["agent", "customer", "steps", "artifacts", "scalingEvents", "agentStates"],
  workflowSteps: ["execution", "artifacts"],
  workflowArtifacts: ["execution", "step"],
  resourceMetrics: ["agent", "customer"],
  scalingEvents: ["agent", "customer", "workflow"],
};

/** One row in every table, all linked, so every relation has something to load. */
async function linkedWorld(tx: Database) {
  const customer = await sampleCustomer(tx);
  const agent = await sampleResourceAgent(tx);
  const owned = { customerId: customer.id, agentId: agent.id };
  const event = onlyRow(
    await tx
      .insert(t.events)
      .values({ ...owned, eventType: "linked" })
      .returning(),
    "event",
  );
  const recommendation = onlyRow(
    await tx
      .insert(t.recommendations)
      .values({ ...owned, type: "right_sizing", title: "Linked" })
      .returning(),
    "recommendation",
  );
  const approval = onlyRow(
    await tx
      .insert(t.approvals)
      .values({ recommendationId: recommendation.id, approvedBy: "ops" })
      .returning(),
    "approval",
  );
  const optimization = onlyRow(
    await tx
      .insert(t.optimizations)
      .values({ ...owned, recommendationId: recommendation.id })
      .returning(),
    "optimization",
  );
  const execution = await sampleWorkflowExecution(tx, owned);
  const config = onlyRow(
    await tx
      .insert(t.agentConfigs)
      .values({ agentId: agent.id, configKey: "k", configValue: "v" })
      .returning(),
    "config",
  );
  const state = onlyRow(
    await tx.insert(t.agentStates).values({ agentId: agent.id, currentWorkflowId: execution.id }).returning(),
    "state",
  );
  const capability = onlyRow(
    await tx.insert(t.agentCapabilities).values({ agentId: agent.id, capabilityName: "linked" }).returning(),
    "capability",
  );
  const metric = onlyRow(
    await tx
      .insert(t.agentMetrics)
      .values({ agentId: agent.id, metricName: "linked", metricValue: 1 })
      .returning(),
    "metric",
  );
  const step = onlyRow(
    await tx
      .insert(t.workflowSteps)
      .values({ workflowExecutionId: execution.id, stepName: "linked", stepOrder: 1 })
      .returning(),
    "step",
  );
  const artifact = onlyRow(
    await tx
      .insert(t.workflowArtifacts)
      .values({
        workflowExecutionId: execution.id,
        workflowStepId: step.id,
        artifactType: "report",
        artifactName: "Linked",
        artifactPath: "s3://linked",
      })
      .returning(),
    "artifact",
  );
  const resourceMetric = await sampleResourceMetric(tx, owned);
  const scalingEvent = await sampleScalingEvent(tx, { ...owned, workflowExecutionId: execution.id });
  return {
    customer,
    agent,
    event,
    recommendation,
    approval,
    optimization,
    execution,
    config,
    state,
    capability,
    metric,
    step,
    artifact,
    resourceMetric,
    scalingEvent,
  };
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("relations (spec §7): every relation loads, in both directions", () => {
  it("the relational schema declares exactly the relations of the spec", async ({ tx }) => {
    const declared = Object.fromEntries(
      Object.entries(tx._.schema ?? {}).map(([table, config]) => [table, Object.keys(config.relations)]),
    );
    expect(declared).toEqual(specRelations);
  });

  it("customer and agent load all their children", async ({ tx }) => {
    const w = await linkedWorld(tx);
    const customer = await tx.query.customers.findFirst({
      where: eq(t.customers.id, w.customer.id),
      with: {
        events: true,
        recommendations: true,
        optimizations: true,
        workflowExecutions: true,
        resourceMetrics: true,
        scalingEvents: true,
      },
    });
    expect({
      events: ids(customer?.events ?? []),
      recommendations: ids(customer?.recommendations ?? []),
      optimizations: ids(customer?.optimizations ?? []),
      workflowExecutions: ids(customer?.workflowExecutions ?? []),
      resourceMetrics: ids(customer?.resourceMetrics ?? []),
      scalingEvents: ids(customer?.scalingEvents ?? []),
    }).toEqual({
      events: [w.event.id],
      recommendations: [w.recommendation.id],
      optimizations: [w.optimization.id],
      workflowExecutions: [w.execution.id],
      resourceMetrics: [w.resourceMetric.id],
      scalingEvents: [w.scalingEvent.id],
    });

    const agent = await tx.query.agents.findFirst({
      where: eq(t.agents.id, w.agent.id),
      with: {
        events: true,
        recommendations: true,
        optimizations: true,
        configs: true,
        state: true,
        capabilityDetails: true,
        metrics: true,
        workflowExecutions: true,
        resourceMetrics: true,
        scalingEvents: true,
      },
    });
    expect({
      events: ids(agent?.events ?? []),
      recommendations: ids(agent?.recommendations ?? []),
      optimizations: ids(agent?.optimizations ?? []),
      configs: ids(agent?.configs ?? []),
      state: agent?.state?.id,
      capabilityDetails: ids(agent?.capabilityDetails ?? []),
      metrics: ids(agent?.metrics ?? []),
      workflowExecutions: ids(agent?.workflowExecutions ?? []),
      resourceMetrics: ids(agent?.resourceMetrics ?? []),
      scalingEvents: ids(agent?.scalingEvents ?? []),
    }).toEqual({
      events: [w.event.id],
      recommendations: [w.recommendation.id],
      optimizations: [w.optimization.id],
      configs: [w.config.id],
      state: w.state.id,
      capabilityDetails: [w.capability.id],
      metrics: [w.metric.id],
      workflowExecutions: [w.execution.id],
      resourceMetrics: [w.resourceMetric.id],
      scalingEvents: [w.scalingEvent.id],
    });
  });

  it("children load their parents", async ({ tx }) => {
    const w = await linkedWorld(tx);
    const owners = { customer: { columns: { id: true } }, agent: { columns: { id: true } } } as const;
    const expectedOwners = { customer: { id: w.customer.id }, agent: { id: w.agent.id } };
    const byId = { columns: { id: true } } as const;

    expect(
      await tx.query.events.findFirst({ where: eq(t.events.id, w.event.id), columns: {}, with: owners }),
    ).toEqual(expectedOwners);
    expect(
      await tx.query.recommendations.findFirst({
        where: eq(t.recommendations.id, w.recommendation.id),
        columns: {},
        with: { ...owners, approvals: byId, optimizations: byId },
      }),
    ).toEqual({
      ...expectedOwners,
      approvals: [{ id: w.approval.id }],
      optimizations: [{ id: w.optimization.id }],
    });
    expect(
      await tx.query.approvals.findFirst({
        where: eq(t.approvals.id, w.approval.id),
        columns: {},
        with: { recommendation: byId },
      }),
    ).toEqual({ recommendation: { id: w.recommendation.id } });
    expect(
      await tx.query.optimizations.findFirst({
        where: eq(t.optimizations.id, w.optimization.id),
        columns: {},
        with: { ...owners, recommendation: byId },
      }),
    ).toEqual({ ...expectedOwners, recommendation: { id: w.recommendation.id } });
    const agentOnly = { agent: byId } as const;
    expect(
      await tx.query.agentConfigs.findFirst({
        where: eq(t.agentConfigs.id, w.config.id),
        columns: {},
        with: agentOnly,
      }),
    ).toEqual({ agent: { id: w.agent.id } });
    expect(
      await tx.query.agentCapabilities.findFirst({
        where: eq(t.agentCapabilities.id, w.capability.id),
        columns: {},
        with: agentOnly,
      }),
    ).toEqual({ agent: { id: w.agent.id } });
    expect(
      await tx.query.agentMetrics.findFirst({
        where: eq(t.agentMetrics.id, w.metric.id),
        columns: {},
        with: agentOnly,
      }),
    ).toEqual({ agent: { id: w.agent.id } });
    expect(
      await tx.query.agentStates.findFirst({
        where: eq(t.agentStates.id, w.state.id),
        columns: {},
        with: { agent: byId, currentWorkflow: byId },
      }),
    ).toEqual({ agent: { id: w.agent.id }, currentWorkflow: { id: w.execution.id } });
    expect(
      await tx.query.resourceMetrics.findFirst({
        where: eq(t.resourceMetrics.id, w.resourceMetric.id),
        columns: {},
        with: owners,
      }),
    ).toEqual(expectedOwners);
    expect(
      await tx.query.scalingEvents.findFirst({
        where: eq(t.scalingEvents.id, w.scalingEvent.id),
        columns: {},
        with: { ...owners, workflow: byId },
      }),
    ).toEqual({ ...expectedOwners, workflow: { id: w.execution.id } });
  });

  it("a workflow execution loads its agent, customer, steps, artifacts, scaling events and agent states", async ({
    tx,
  }) => {
    const w = await linkedWorld(tx);
    const byId = { columns: { id: true } } as const;
    expect(
      await tx.query.workflowExecutions.findFirst({
        where: eq(t.workflowExecutions.id, w.execution.id),
        columns: {},
        with: {
          agent: byId,
          customer: byId,
          steps: { ...orderedSteps, ...byId },
          artifacts: byId,
          scalingEvents: byId,
          agentStates: byId,
        },
      }),
    ).toEqual({
      agent: { id: w.agent.id },
      customer: { id: w.customer.id },
      steps: [{ id: w.step.id }],
      artifacts: [{ id: w.artifact.id }],
      scalingEvents: [{ id: w.scalingEvent.id }],
      agentStates: [{ id: w.state.id }],
    });
    expect(
      await tx.query.workflowSteps.findFirst({
        where: eq(t.workflowSteps.id, w.step.id),
        columns: {},
        with: { execution: byId, artifacts: byId },
      }),
    ).toEqual({ execution: { id: w.execution.id }, artifacts: [{ id: w.artifact.id }] });
    expect(
      await tx.query.workflowArtifacts.findFirst({
        where: eq(t.workflowArtifacts.id, w.artifact.id),
        columns: {},
        with: { execution: byId, step: byId },
      }),
    ).toEqual({ execution: { id: w.execution.id }, step: { id: w.step.id } });
  });

  it("optional relations load as null when unset: event.agent, agent.state, artifact.step, event.workflow", async ({
    tx,
  }) => {
    const customer = await sampleCustomer(tx);
    const agent = onlyRow(
      await tx.insert(t.agents).values({ type: "cost", name: "stateless" }).returning(),
      "agent",
    );
    const event = onlyRow(
      await tx.insert(t.events).values({ customerId: customer.id, eventType: "agentless" }).returning(),
      "event",
    );
    const execution = await sampleWorkflowExecution(tx, { customerId: customer.id, agentId: agent.id });
    const artifact = onlyRow(
      await tx
        .insert(t.workflowArtifacts)
        .values({
          workflowExecutionId: execution.id,
          artifactType: "log",
          artifactName: "run.log",
          artifactPath: "/l",
        })
        .returning(),
      "artifact",
    );
    const scaling = await sampleScalingEvent(tx, { customerId: customer.id, agentId: agent.id });
    const state = onlyRow(await tx.insert(t.agentStates).values({ agentId: agent.id }).returning(), "state");
    const otherAgent = onlyRow(
      await tx.insert(t.agents).values({ type: "cost", name: "no-state" }).returning(),
      "agent",
    );

    const read = {
      eventAgent: (
        await tx.query.events.findFirst({ where: eq(t.events.id, event.id), with: { agent: true } })
      )?.agent,
      agentState: (
        await tx.query.agents.findFirst({ where: eq(t.agents.id, otherAgent.id), with: { state: true } })
      )?.state,
      artifactStep: (
        await tx.query.workflowArtifacts.findFirst({
          where: eq(t.workflowArtifacts.id, artifact.id),
          with: { step: true },
        })
      )?.step,
      eventWorkflow: (
        await tx.query.scalingEvents.findFirst({
          where: eq(t.scalingEvents.id, scaling.id),
          with: { workflow: true },
        })
      )?.workflow,
      currentWorkflow: (
        await tx.query.agentStates.findFirst({
          where: eq(t.agentStates.id, state.id),
          with: { currentWorkflow: true },
        })
      )?.currentWorkflow,
    };
    expect(read).toEqual({
      eventAgent: null,
      agentState: null,
      artifactStep: null,
      eventWorkflow: null,
      currentWorkflow: null,
    });
  });

  it("deleting an agent keeps its events with agent_id null; deleting an execution un-links agent states", async ({
    tx,
  }) => {
    const w = await linkedWorld(tx);
    await tx.delete(t.workflowExecutions).where(eq(t.workflowExecutions.id, w.execution.id));
    const state = await tx.query.agentStates.findFirst({ where: eq(t.agentStates.id, w.state.id) });
    expect(state?.currentWorkflowId).toBeNull();
    await tx.delete(t.agents).where(eq(t.agents.id, w.agent.id));
    const event = await tx.query.events.findFirst({ where: eq(t.events.id, w.event.id) });
    expect(event).toMatchObject({ id: w.event.id, agentId: null, customerId: w.customer.id });
  });

  it("deleting a customer removes everything it owns, through the cascades", async ({ tx }) => {
    const w = await linkedWorld(tx);
    await tx.delete(t.customers).where(eq(t.customers.id, w.customer.id));
    const remaining = {
      events: await tx.select().from(t.events).where(eq(t.events.id, w.event.id)),
      recommendations: await tx
        .select()
        .from(t.recommendations)
        .where(eq(t.recommendations.id, w.recommendation.id)),
      approvals: await tx.select().from(t.approvals).where(eq(t.approvals.id, w.approval.id)),
      optimizations: await tx.select().from(t.optimizations).where(eq(t.optimizations.id, w.optimization.id)),
      executions: await tx
        .select()
        .from(t.workflowExecutions)
        .where(eq(t.workflowExecutions.id, w.execution.id)),
      steps: await tx.select().from(t.workflowSteps).where(eq(t.workflowSteps.id, w.step.id)),
      artifacts: await tx.select().from(t.workflowArtifacts).where(eq(t.workflowArtifacts.id, w.artifact.id)),
      resourceMetrics: await tx
        .select()
        .from(t.resourceMetrics)
        .where(eq(t.resourceMetrics.id, w.resourceMetric.id)),
      scalingEvents: await tx.select().from(t.scalingEvents).where(eq(t.scalingEvents.id, w.scalingEvent.id)),
    };
    expect(remaining).toEqual({
      events: [],
      recommendations: [],
      approvals: [],
      optimizations: [],
      executions: [],
      steps: [],
      artifacts: [],
      resourceMetrics: [],
      scalingEvents: [],
    });
    // The agent is not the customer's: it and its own rows stay, and its state is un-linked from the execution.
    const state = await tx.query.agentStates.findFirst({ where: eq(t.agentStates.id, w.state.id) });
    expect(state).toMatchObject({ agentId: w.agent.id, currentWorkflowId: null });
  });
});
