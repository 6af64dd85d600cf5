import { useCallback, useEffect, useRef, useState } from 'react';
import { commitImport } from '@/lib/db/imports';
import { store } from '@/lib/db/open';
import { asinToSkuMap, knownMarketplaces } from '@/lib/db/reports';
import type { ImportLogRecord } from '@/lib/db/schema';
import type { ImportProgress, ImportRejection, ImportSuccess, Inspection } from '@/lib/reports';
import type { Settings } from '@/lib/settings';
import { ReportWorker } from './client';
import { type Choices, defaultChoices, importOptions, type KnownPlace, needsOf } from './model';

/** A file Shelfwise has recognised, and what the seller chose for it. */
export interface Asked {
  file: File;
  inspection: Inspection;
  /** The encoding detection found before any override: only a different choice is passed on. */
  detectedEncoding: Inspection['encoding'];
  choices: Choices;
  known: KnownPlace[];
}

export type Step =
  | { kind: 'idle' }
  | { kind: 'inspecting'; file: File }
  | { kind: 'asking'; asked: Asked }
  | { kind: 'reading'; asked: Asked; progress: ImportProgress }
  | { kind: 'refused'; file: File; rejection: ImportRejection; asked?: Asked }
  | { kind: 'review'; asked: Asked; result: ImportSuccess }
  | { kind: 'committing'; asked: Asked; result: ImportSuccess }
  | { kind: 'done'; file: File; log: ImportLogRecord }
  | { kind: 'failed'; file: File; reason: 'crash' | 'commit'; message: string; asked?: Asked };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The import, step by step: recognise the file (the worker reads its start), ask what it does not
 * say, read it all in the worker with progress and Cancel, show the result, and store it in one
 * transaction only when the seller presses Import. A newer file or a reset makes every answer
 * still on its way from an older one irrelevant.
 */
export function useImportFlow(settings: Settings) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const [logVersion, setLogVersion] = useState(0);
  const worker = useRef<ReportWorker | null>(null);
  const generation = useRef(0);
  const reading = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      reading.current?.abort();
      worker.current?.dispose();
    },
    [],
  );

  const reportWorker = useCallback(() => {
    worker.current ??= new ReportWorker();
    return worker.current;
  }, []);

  /** Runs `work` for the current file only; a later file or reset drops its answer. */
  const current = useCallback(() => {
    const mine = generation.current;
    return () => mine === generation.current;
  }, []);

  const inspect = useCallback(
    async (file: File, previous?: Asked, encoding?: Inspection['encoding']) => {
      const stillCurrent = current();
      setStep({ kind: 'inspecting', file });
      try {
        const known = previous?.known ?? (await knownMarketplaces(await store()));
        const inspection = await reportWorker().inspect(file, encoding ? { encoding } : {});
        if (!stillCurrent()) return;
        if (!inspection.ok) {
          setStep({ kind: 'refused', file, rejection: inspection, ...(previous ? { asked: previous } : {}) });
          return;
        }
        const fresh = defaultChoices(inspection, known, settings, file.lastModified);
        const choices = previous
          ? { ...previous.choices, type: inspection.type, encoding: inspection.encoding }
          : fresh;
        setStep({
          kind: 'asking',
          asked: {
            file,
            inspection,
            detectedEncoding: previous?.detectedEncoding ?? inspection.encoding,
            choices,
            known,
          },
        });
      } catch (error) {
        if (stillCurrent()) setStep({ kind: 'failed', file, reason: 'crash', message: message(error) });
      }
    },
    [current, settings, reportWorker],
  );

  const choose = useCallback(
    (file: File) => {
      generation.current++;
      reading.current?.abort();
      void inspect(file);
    },
    [inspect],
  );

  const setChoices = useCallback(
    (asked: Asked, changes: Partial<Choices>) => {
      const choices = { ...asked.choices, ...changes };
      if (changes.encoding !== undefined && changes.encoding !== asked.choices.encoding) {
        // Another encoding can turn the header into something else: recognise the file again.
        generation.current++;
        void inspect(asked.file, { ...asked, choices }, changes.encoding);
        return;
      }
      setStep({ kind: 'asking', asked: { ...asked, choices } });
    },
    [inspect],
  );

  const read = useCallback(
    async (asked: Asked) => {
      const stillCurrent = current();
      const controller = new AbortController();
      reading.current = controller;
      setStep({ kind: 'reading', asked, progress: { bytes: 0, rows: 0, line: 0 } });
      try {
        const { choices, inspection } = asked;
        const map =
          choices.type === 'business-asin'
            ? await asinToSkuMap(await store(), choices.account, choices.marketplace)
            : undefined;
        const options = importOptions(choices, { ...inspection, encoding: asked.detectedEncoding }, map);
        const result = await reportWorker().import(
          asked.file,
          options,
          (progress) => {
            if (stillCurrent()) setStep({ kind: 'reading', asked, progress });
          },
          controller.signal,
        );
        if (!stillCurrent()) return;
        setStep(
          result.ok
            ? { kind: 'review', asked, result }
            : { kind: 'refused', file: asked.file, rejection: result, asked },
        );
      } catch (error) {
        if (stillCurrent())
          setStep({ kind: 'failed', file: asked.file, reason: 'crash', message: message(error), asked });
      } finally {
        if (reading.current === controller) reading.current = null;
      }
    },
    [current, reportWorker],
  );

  const cancel = useCallback(() => reading.current?.abort(), []);

  const commit = useCallback(
    async (asked: Asked, result: ImportSuccess) => {
      const stillCurrent = current();
      setStep({ kind: 'committing', asked, result });
      try {
        const log = await commitImport(
          await store(),
          {
            account: asked.choices.account,
            fileName: asked.file.name,
            fileSize: asked.file.size,
            result,
            ...(needsOf(result.type) === 'report-date' ? { reportDate: asked.choices.reportDate } : {}),
          },
          { now: Date.now() },
        );
        setLogVersion((v) => v + 1);
        if (stillCurrent()) setStep({ kind: 'done', file: asked.file, log });
      } catch (error) {
        if (stillCurrent())
          setStep({ kind: 'failed', file: asked.file, reason: 'commit', message: message(error), asked });
      }
    },
    [current],
  );

  const back = useCallback((asked: Asked) => {
    generation.current++;
    setStep({ kind: 'asking', asked });
  }, []);

  const reset = useCallback(() => {
    generation.current++;
    reading.current?.abort();
    setStep({ kind: 'idle' });
  }, []);

  return { step, logVersion, choose, setChoices, read, cancel, commit, back, reset };
}

export type ImportFlow = ReturnType<typeof useImportFlow>;
