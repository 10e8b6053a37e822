import type { Database } from "../client.js";
import type { JsonObject } from "../schema/columns.js";
import { workflowArtifacts, workflowExecutions, workflowSteps } from "../schema/workflow-history.js";
import type { NewWorkflowArtifact, NewWorkflowExecution, NewWorkflowStep } from "../types.js";
import { fromCorePhase } from "./core.js";
import { demoAgentIds as agent, demoCustomerIds as customer } from "./ids.js";
import {
  demoRowId,
  HOUR_MS,
  insertMissing,
  MINUTE_MS,
  minus,
  type PhaseSummary,
  type Prerequisite,
  runPhase,
  type SeedOptions,
} from "./phase.js";

// Phase 0.2c (spec §8.3): 3 executions, 12 steps, 6 artifacts.

const prerequisites: Prerequisite[] = [
  fromCorePhase.acme,
  fromCorePhase.techstart,
  fromCorePhase.costAgent,
  fromCorePhase.performanceAgent,
  fromCorePhase.applicationAgent,
];

const executionId = (n: number) => demoRowId(11, n);
const stepId = (n: number) => demoRowId(12, n);

export function seedWorkflowHistory(db: Database, { now }: SeedOptions): Promise<PhaseSummary> {
  /** now − h hours − m minutes, as the spec writes offsets. */
  const ago = (hours: number, minutes = 0) => minus(now, hours * HOUR_MS + minutes * MINUTE_MS);
  return runPhase(db, "workflow-history", prerequisites, async (tx) => ({
    workflow_executions: await insertMissing(tx, workflowExecutions, executionRows(now, ago)),
    workflow_steps: await insertMissing(tx, workflowSteps, stepRows(now, ago)),
    workflow_artifacts: await insertMissing(tx, workflowArtifacts, artifactRows(now)),
  }));
}

type Ago = (hours: number, minutes?: number) => Date;

function executionRows(now: Date, ago: Ago): NewWorkflowExecution[] {
  const rows: NewWorkflowExecution[] = [
    {
      workflowType: "cost_analysis",
      status: "completed",
      agentId: agent.cost,
      customerId: customer.acme,
      startedAt: ago(2),
      completedAt: ago(1, 45),
      inputData: {
        analysis_period: "last_30_days",
        include_projections: true,
        focus_areas: ["gpu", "storage", "network"],
      },
      outputData: {
        total_cost: 120000,
        potential_savings: 60000,
        savings_percentage: 50,
        recommendations_generated: 8,
        confidence_score: 0.92,
      },
      errorDetails: null,
      metadata: {
        triggered_by: "scheduled",
        priority: "normal",
        analyst_notes: "High confidence savings identified",
      },
    },
    {
      workflowType: "performance_tuning",
      status: "running",
      agentId: agent.performance,
      customerId: customer.acme,
      startedAt: ago(0, 15),
      completedAt: null,
      inputData: { target_latency_p95: 300, current_latency_p95: 800, optimization_budget_hours: 2 },
      outputData: {},
      errorDetails: null,
      metadata: { triggered_by: "user", priority: "high" },
    },
    {
      workflowType: "quality_check",
      status: "failed",
      agentId: agent.application,
      customerId: customer.techstart,
      startedAt: ago(3),
      completedAt: ago(2, 55),
      inputData: { check_type: "regression_test", baseline_version: "v1.2.0", test_version: "v1.3.0" },
      outputData: {},
      errorDetails: {
        error_type: "QualityThresholdBreach",
        error_message: "Quality score dropped below threshold: 0.78 < 0.85",
        failed_at_step: "quality_validation",
        can_retry: false,
      },
      metadata: { triggered_by: "deployment_pipeline", priority: "high" },
    },
  ];
  return rows.map((execution, i) => ({
    ...execution,
    id: executionId(i + 1),
    createdAt: now,
    updatedAt: now,
  }));
}

function stepRows(now: Date, ago: Ago): NewWorkflowStep[] {
  const step = (
    execution: number,
    stepOrder: number,
    stepName: string,
    status: NewWorkflowStep["status"],
    startedAt: Date | null,
    completedAt: Date | null,
    inputData: JsonObject,
    outputData: JsonObject,
    errorDetails: JsonObject | null = null,
  ) => ({
    workflowExecutionId: executionId(execution),
    stepOrder,
    stepName,
    status,
    startedAt,
    completedAt,
    inputData,
    outputData,
    errorDetails,
  });
  return [
    step(
      1,
      1,
      "collect_metrics",
      "completed",
      ago(2),
      ago(1, 58),
      {
        sources: ["prometheus", "cloudwatch", "billing_api"],
      },
      { metrics_collected: 1247, data_points: 89650 },
    ),
    step(
      1,
      2,
      "analyze_gpu_usage",
      "completed",
      ago(1, 58),
      ago(1, 55),
      { gpu_count: 12, analysis_depth: "detailed" },
      {
        avg_utilization: 35.2,
        idle_gpus: 4,
        potential_savings: 35000,
      },
    ),
    step(
      1,
      3,
      "analyze_storage",
      "completed",
      ago(1, 55),
      ago(1, 52),
      { storage_types: ["s3", "ebs"] },
      {
        total_storage_tb: 45.2,
        cold_data_percentage: 62,
        potential_savings: 15000,
      },
    ),
    step(
      1,
      4,
      "generate_recommendations",
      "completed",
      ago(1, 52),
      ago(1, 48),
      { min_confidence: 0.8 },
      {
        recommendations_count: 8,
        high_priority: 3,
        medium_priority: 5,
      },
    ),
    step(
      1,
      5,
      "generate_report",
      "completed",
      ago(1, 48),
      ago(1, 45),
      { format: "pdf", include_charts: true },
      {
        report_path: "s3://reports/cost_analysis_20251019.pdf",
      },
    ),
    step(
      2,
      1,
      "baseline_measurement",
      "completed",
      ago(0, 15),
      ago(0, 13),
      { sample_size: 1000 },
      {
        p50_latency: 450,
        p95_latency: 800,
        p99_latency: 1200,
      },
    ),
    step(
      2,
      2,
      "analyze_kv_cache",
      "completed",
      ago(0, 13),
      ago(0, 10),
      { current_cache_size_gb: 32 },
      {
        cache_hit_rate: 0.67,
        recommended_size_gb: 48,
        expected_improvement: "25%",
      },
    ),
    step(
      2,
      3,
      "test_configurations",
      "running",
      ago(0, 10),
      null,
      { configurations_to_test: 5 },
      {
        configurations_tested: 2,
      },
    ),
    step(2, 4, "apply_optimizations", "pending", null, null, {}, {}),
    step(
      3,
      1,
      "collect_samples",
      "completed",
      ago(3),
      ago(2, 58),
      { sample_count: 100 },
      { samples_collected: 100 },
    ),
    step(
      3,
      2,
      "run_quality_checks",
      "completed",
      ago(2, 58),
      ago(2, 56),
      {
        metrics: ["coherence", "relevance", "factuality"],
      },
      { coherence_score: 0.82, relevance_score: 0.79, factuality_score: 0.73, overall_score: 0.78 },
    ),
    step(
      3,
      3,
      "quality_validation",
      "failed",
      ago(2, 56),
      ago(2, 55),
      { threshold: 0.85 },
      {},
      {
        error: "Quality score 0.78 below threshold 0.85",
        recommendation: "Roll back to v1.2.0",
      },
    ),
  ].map((row, i) => ({
    ...row,
    id: stepId(i + 1),
    retryCount: 0,
    maxRetries: 3,
    metadata: {},
    createdAt: now,
    updatedAt: now,
  }));
}

function artifactRows(now: Date): NewWorkflowArtifact[] {
  const artifact = (
    execution: number,
    step: number,
    artifactType: NewWorkflowArtifact["artifactType"],
    artifactName: string,
    artifactPath: string,
    artifactSizeBytes: number,
    contentType: string,
    metadata: JsonObject,
  ) => ({
    workflowExecutionId: executionId(execution),
    workflowStepId: stepId(step),
    artifactType,
    artifactName,
    artifactPath,
    artifactSizeBytes,
    contentType,
    metadata,
  });
  return [
    artifact(
      1,
      5,
      "report",
      "Cost Analysis Report - Customer 1",
      "s3://optiinfra-reports/customer1/cost_analysis_20251019.pdf",
      2458624,
      "application/pdf",
      { pages: 24, charts: 12, tables: 8 },
    ),
    artifact(
      1,
      4,
      "recommendation",
      "Recommendations JSON",
      "s3://optiinfra-data/customer1/recommendations_20251019.json",
      45821,
      "application/json",
      { recommendations_count: 8 },
    ),
    artifact(
      1,
      2,
      "chart",
      "GPU Utilization Chart",
      "s3://optiinfra-charts/customer1/gpu_util_20251019.png",
      156789,
      "image/png",
      { chart_type: "timeseries", duration_days: 30 },
    ),
    artifact(
      2,
      6,
      "metrics",
      "Baseline Metrics",
      "s3://optiinfra-data/customer1/baseline_metrics_20251019.json",
      23456,
      "application/json",
      { measurement_duration_seconds: 120 },
    ),
    artifact(
      3,
      11,
      "diagnostic",
      "Quality Check Results",
      "s3://optiinfra-data/customer2/quality_results_20251019.json",
      67890,
      "application/json",
      { failed_metrics: ["factuality"] },
    ),
    artifact(
      3,
      12,
      "alert",
      "Quality Alert",
      "s3://optiinfra-alerts/customer2/quality_alert_20251019.json",
      1234,
      "application/json",
      { severity: "high", action_required: "rollback" },
    ),
  ].map((row, i) => ({ ...row, id: demoRowId(13, i + 1), createdAt: now, updatedAt: now }));
}
