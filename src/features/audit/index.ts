export { recordAudit, type AuditInput } from './audit.service.ts';
import './audit.schema.ts';
