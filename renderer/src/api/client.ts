import { type ApiClient, createClient } from '../../../shared/api/client.ts';
import { pickTransport } from './transport.ts';

const transport = pickTransport();

/** The renderer's only way to data. null when opened without a token (see App). */
export const api: ApiClient | null = transport ? createClient(transport) : null;
