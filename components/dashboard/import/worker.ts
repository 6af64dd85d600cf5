import { importReport, inspectReport, streamChunks } from '@/lib/reports';
import type { WorkerReply, WorkerRequest } from './protocol';

/**
 * The dashboard's report worker: decoding, parsing, validating and aggregating run here, off the
 * page's main thread, so the dashboard stays responsive through a million-row file. Started from
 * the options page as a module worker built into the extension (never a blob URL, which the
 * extension's content security policy does not allow for scripts).
 */

/** Progress is posted at most this often: a message per chunk would cost more than the work. */
const PROGRESS_EVERY_MS = 100;

/**
 * How long the worker reads before it lets its event loop take a turn. The reads of a file's
 * chunks can resolve one after another without one, and a Cancel message then waits for the end.
 */
const TURN_EVERY_MS = 50;

const running = new Map<number, AbortController>();
const scope = self as unknown as {
  postMessage(message: WorkerReply, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
};

function tableBuffers(result: WorkerReply): Transferable[] {
  if (result.kind !== 'imported' || !result.result.ok || !result.result.orders) return [];
  const t = result.result.orders.lines;
  // Handed over, not copied: a million order lines are tens of megabytes.
  return [
    t.orderHigh,
    t.orderLow,
    t.marketplace,
    t.sku,
    t.day,
    t.purchasedAt,
    t.lastUpdatedAt,
    t.units,
    t.cancelled,
  ].map((a) => a.buffer as ArrayBuffer);
}

async function* withTurns(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let last = Date.now();
  for await (const chunk of chunks) {
    yield chunk;
    if (Date.now() - last >= TURN_EVERY_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      last = Date.now();
    }
  }
}

async function handle(request: Exclude<WorkerRequest, { kind: 'cancel' }>): Promise<WorkerReply> {
  const source = withTurns(streamChunks(request.file.stream() as ReadableStream<Uint8Array>));
  if (request.kind === 'inspect') {
    return { kind: 'inspected', id: request.id, result: await inspectReport(source, request.options) };
  }
  const controller = new AbortController();
  running.set(request.id, controller);
  let last = 0;
  try {
    const result = await importReport(source, {
      ...request.options,
      signal: controller.signal,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - last < PROGRESS_EVERY_MS) return;
        last = now;
        scope.postMessage({ kind: 'progress', id: request.id, progress });
      },
    });
    return { kind: 'imported', id: request.id, result };
  } finally {
    running.delete(request.id);
  }
}

scope.onmessage = (event) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    running.get(request.id)?.abort();
    return;
  }
  handle(request).then(
    (reply) => scope.postMessage(reply, tableBuffers(reply)),
    (error: unknown) =>
      scope.postMessage({
        kind: 'crashed',
        id: request.id,
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
