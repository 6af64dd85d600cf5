import { useState } from 'react';
import { InvalidSettingsError, type Settings, updateSettings } from '@/lib/settings';
import type { T } from '../labels';

export type SaveStatus = { kind: 'saved' } | { kind: 'error'; text: string } | undefined;

/**
 * Saves one part of the settings: the change is applied to the settings as stored now, so two forms
 * of the section never overwrite each other's edits. A refused value leaves everything as it was.
 */
export function useSave(t: T) {
  const [status, setStatus] = useState<SaveStatus>();
  const save = async (change: (settings: Settings) => void): Promise<boolean> => {
    try {
      await updateSettings((settings) => {
        change(settings);
        return settings;
      });
      setStatus({ kind: 'saved' });
      return true;
    } catch (error) {
      const fields = error instanceof InvalidSettingsError ? error.paths.join(', ') : String(error);
      setStatus({ kind: 'error', text: t('alertSettings.saveFailed', { fields }) });
      return false;
    }
  };
  return { save, status, setStatus };
}
