import { demoIds } from "@optiinfra/contracts/fixtures";

// The demo data set's customers and agents have fixed ids (spec §8.1), shared with the contract fixtures.
export const demoCustomerIds = demoIds.customers;
export const demoAgentIds = demoIds.agents;
