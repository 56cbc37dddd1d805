import type { FormInstance } from 'antd';
import { AppError } from '../../../shared/api/app-error.ts';

/**
 * Shows a failed save: field-level details go next to their fields, the summary to the message
 * bar. Nothing typed is cleared, so the user fixes and saves again.
 */
export function applyError(err: unknown, notify: (text: string) => void, form?: FormInstance): void {
  const message = err instanceof Error ? err.message : String(err);
  notify(message);
  if (form && err instanceof AppError) {
    const fields = err.details
      .filter((d) => d.path)
      .map((d) => ({ name: d.path!.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)), errors: [d.message] }));
    if (fields.length > 0) form.setFields(fields);
  }
}
