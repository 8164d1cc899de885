// The README flow, walked with a client generated from the served OpenAPI document
// (openapi-typescript types + openapi-fetch). If the document lies about a path, a parameter or
// a shape, this file does not compile under `tsc --strict`, or a check below fails at run time.
import createClient from "openapi-fetch";
import type { components, paths } from "../generated/ledger.js";

declare const process: {
  env: Record<string, string | undefined>;
  exitCode: number | undefined;
};

type Schemas = components["schemas"];

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

const baseUrl = setting("LEDGER_API_URL");
const alice = createClient<paths>({
  baseUrl,
  headers: { Authorization: `Bearer ${setting("LEDGER_TOKEN_ALICE")}` },
});
const bob = createClient<paths>({
  baseUrl,
  headers: { Authorization: `Bearer ${setting("LEDGER_TOKEN_BOB")}` },
});

/** The answer's body, or a failure naming the step, its status and the problem details. */
function expectData<T>(
  step: string,
  result: { data?: T; error?: unknown; response: Response },
): T {
  if (result.data === undefined) {
    throw new Error(
      `${step}: ${result.response.status} ${JSON.stringify(result.error ?? null)}`,
    );
  }
  console.log(`ok   ${step} (${result.response.status})`);
  return result.data;
}

function check(condition: boolean, message: string): void {
  if (!condition) {
    throw new Error(message);
  }
}

const isZero = (amount: string): boolean => /^-?0+(\.0+)?$/.test(amount);

async function main(): Promise<void> {
  // Alice creates a group; she is its owner. Every versioned resource answers an ETag.
  const created = await alice.POST("/api/v1/groups", {
    body: { name: "Flat 3B", defaultCurrency: "EUR", timeZone: "Europe/Berlin" },
  });
  const group: Schemas["GroupDto"] = expectData("create a group", created);
  check(
    created.response.headers.get("ETag") === `"${group.version}"`,
    "the group's ETag is its version",
  );
  const groupId = { path: { groupId: group.id } };

  // She invites a flatmate; Bob joins with the code.
  const invite = expectData(
    "invite",
    await alice.POST("/api/v1/groups/{groupId}/invites", {
      params: groupId,
      body: {
        expiresAt: new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString(),
        maxUses: 1,
      },
    }),
  );
  expectData("join", await bob.POST("/api/v1/groups/join", { body: { code: invite.code } }));

  const me = expectData("who am I", await alice.GET("/api/v1/me"));
  const members = expectData(
    "members",
    await alice.GET("/api/v1/groups/{groupId}/members", { params: groupId }),
  );
  const memberIds = members.items.map((m) => m.userId);
  check(memberIds.length === 2, `two members, not ${memberIds.length}`);

  // Alice paid 45.00 for groceries, split equally; the retry with the same key is a replay.
  const expense: Schemas["CreateExpenseRequest"] = {
    description: "Groceries",
    category: "groceries",
    currency: "EUR",
    total: "45.00",
    date: new Date().toISOString().slice(0, 10),
    payers: [{ userId: me.id, amount: "45.00" }],
    split: { type: "equal", members: memberIds },
  };
  const key = `walk-${Date.now()}`;
  const first = expectData(
    "expense",
    await alice.POST("/api/v1/groups/{groupId}/expenses", {
      params: { ...groupId, header: { "Idempotency-Key": key } },
      body: expense,
    }),
  );
  const retry = await alice.POST("/api/v1/groups/{groupId}/expenses", {
    params: { ...groupId, header: { "Idempotency-Key": key } },
    body: expense,
  });
  check(expectData("expense again", retry).id === first.id, "the retry replays the expense");
  check(
    retry.response.headers.get("Idempotent-Replayed") === "true",
    "the replay is marked Idempotent-Replayed",
  );

  // A stale version is answered with the documented problem and the current ETag.
  const stale = await alice.PUT("/api/v1/groups/{groupId}", {
    params: { ...groupId, header: { "If-Match": `"${group.version + 100}"` } },
    body: { name: "Flat 3B", defaultCurrency: "EUR", timeZone: "Europe/Berlin" },
  });
  check(stale.response.status === 412, `a stale If-Match is 412, not ${stale.response.status}`);
  const problem = stale.error;
  check(
    problem !== undefined &&
      "currentVersion" in problem &&
      stale.response.headers.get("ETag") === `"${problem.currentVersion}"`,
    "412 carries the current version and its ETag",
  );
  console.log("ok   stale update (412)");

  // Each member's net, and the transfers that would settle everyone.
  const balances = expectData(
    "balances",
    await alice.GET("/api/v1/groups/{groupId}/balances", { params: groupId }),
  );
  const transfers = balances.currencies.flatMap((c) =>
    c.suggestedTransfers.map((t) => ({ ...t, currency: c.currency })),
  );
  check(transfers.length === 1, `one transfer settles the group, not ${transfers.length}`);

  // Each suggested transfer paid in one step by its payee.
  for (const transfer of transfers) {
    const payee = transfer.toUserId === me.id ? alice : bob;
    const settled = expectData(
      "settle up",
      await payee.POST("/api/v1/groups/{groupId}/settlements/settle-up", {
        params: { ...groupId, header: { "Idempotency-Key": `settle-${key}` } },
        body: {
          fromUserId: transfer.fromUserId,
          toUserId: transfer.toUserId,
          currency: transfer.currency,
        },
      }),
    );
    check(settled.amount === transfer.amount, `settled ${settled.amount} of ${transfer.amount}`);
  }

  const after = expectData(
    "balances after",
    await alice.GET("/api/v1/groups/{groupId}/balances", { params: groupId }),
  );
  for (const currency of after.currencies) {
    check(currency.members.every((m) => isZero(m.net)), "every net is zero");
    check(currency.suggestedTransfers.length === 0, "nothing is left to transfer");
  }

  // Lists are cursor-paged: the recurring expenses too.
  const recurring = expectData(
    "recurring expenses",
    await alice.GET("/api/v1/groups/{groupId}/recurring-expenses", {
      params: { ...groupId, query: { limit: 10 } },
    }),
  );
  check(recurring.items.length === 0 && recurring.nextCursor === null, "no recurring expenses");
}

main().then(
  () => console.log("README flow completed."),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
