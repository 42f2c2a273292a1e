import { TableClient } from "@azure/data-tables";
const cs = `DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:${process.argv[2]}/devstoreaccount1;`;
for (const t of ["Leases", "Sync"]) {
  const c = TableClient.fromConnectionString(cs, t, { allowInsecureConnection: true });
  for await (const e of c.listEntities()) console.log(t, JSON.stringify(e).slice(0, 300));
}
const m = TableClient.fromConnectionString(cs, "Messages", { allowInsecureConnection: true });
const states: Record<string, number> = {};
for await (const e of m.listEntities()) states[String(e.state)] = (states[String(e.state)] ?? 0) + 1;
console.log(states);
