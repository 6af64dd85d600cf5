import type { ImportProgress, ImportRejection, ImportResult, Inspection } from '@/lib/reports';
import type { InspectOptions, WorkerImportOptions, WorkerReply, WorkerRequest } from './protocol';

/**
 * The dashboard's side of the report worker: one worker per dashboard page, started on first use,
 * each request answered by its id. A worker that dies fails every request still waiting, with the
 * reason, instead of leaving the page waiting forever.
 */

interface Waiting {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  onProgress?: (progress: ImportProgress) => void;
}

export class WorkerCrash extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrash';
  }
}

export class ReportWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  private start(): Worker {
    if (this.worker) return this.worker;
    // Vite builds the worker as a file of its own in the extension, loaded from the extension's origin.
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'shelfwise-reports' });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      const waiting = this.waiting.get(reply.id);
      if (!waiting) return;
      if (reply.kind === 'progress') {
        waiting.onProgress?.(reply.progress);
        return;
      }
      this.waiting.delete(reply.id);
      if (reply.kind === 'crashed') waiting.reject(new WorkerCrash(reply.message));
      else waiting.resolve(reply);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.fail(event.message || 'The report worker stopped');
    };
    this.worker = worker;
    return worker;
  }

  private fail(message: string): void {
    for (const waiting of this.waiting.values()) waiting.reject(new WorkerCrash(message));
    this.waiting.clear();
    this.worker?.terminate();
    this.worker = undefined;
  }

  private send(request: WorkerRequest, waiting: Waiting): void {
    this.waiting.set(request.id, waiting);
    this.start().postMessage(request);
  }

  inspect(file: Blob, options: InspectOptions): Promise<Inspection | ImportRejection> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.send(
        { kind: 'inspect', id, file, options },
        {
          resolve: (reply) => resolve((reply as Extract<WorkerReply, { kind: 'inspected' }>).result),
          reject,
        },
      );
    });
  }

  /** Reads the whole file; `signal` cancels it (the answer is then the library's "cancelled" rejection). */
  import(
    file: Blob,
    options: WorkerImportOptions,
    onProgress: (progress: ImportProgress) => void,
    signal?: AbortSignal,
  ): Promise<ImportResult> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.send(
        { kind: 'import', id, file, options },
        {
          resolve: (reply) => resolve((reply as Extract<WorkerReply, { kind: 'imported' }>).result),
          reject,
          onProgress,
        },
      );
      signal?.addEventListener(
        'abort',
        () => this.worker?.postMessage({ kind: 'cancel', id } satisfies WorkerRequest),
        {
          once: true,
        },
      );
    });
  }

  dispose(): void {
    this.fail('The dashboard closed the report worker');
  }
}
