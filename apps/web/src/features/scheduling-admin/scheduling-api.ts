import type {
  ClinicSettings, HoursRange, NewHoursRange, NewScheduleException, NewSetupVisitType, ScheduleException, SchedulingSetup, SetupVisitType,
  SetupVisitTypeUpdate, StaffDayAppointment, StaffDaySchedule, StaffStatusChange,
} from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The scheduling setup and day view API. Types come from @ourchart/contracts (type-only, no zod in the bundle).

export const getSetup = () => apiRequest<SchedulingSetup>('GET', '/api/staff/scheduling');
export const createVisitType = (body: NewSetupVisitType) => apiRequest<SetupVisitType>('POST', '/api/staff/scheduling/visit-types', body);
export const updateVisitType = (id: string, body: SetupVisitTypeUpdate) =>
  apiRequest<SetupVisitType>('PUT', `/api/staff/scheduling/visit-types/${encodeURIComponent(id)}`, body);
export const addHours = (body: NewHoursRange) => apiRequest<HoursRange>('POST', '/api/staff/scheduling/hours', body);
export const removeHours = (id: string) => apiRequest<void>('DELETE', `/api/staff/scheduling/hours/${encodeURIComponent(id)}`);
export const addException = (body: NewScheduleException) => apiRequest<ScheduleException>('POST', '/api/staff/scheduling/exceptions', body);
export const removeException = (id: string) => apiRequest<void>('DELETE', `/api/staff/scheduling/exceptions/${encodeURIComponent(id)}`);
export const saveSettings = (body: ClinicSettings) => apiRequest<ClinicSettings>('PUT', '/api/staff/scheduling/settings', body);

export function getDay(o: { date?: string; practitioner?: string }) {
  const params = new URLSearchParams();
  if (o.date) params.set('date', o.date);
  if (o.practitioner) params.set('practitioner', o.practitioner);
  const query = params.toString();
  return apiRequest<StaffDaySchedule>('GET', `/api/staff/schedule${query ? `?${query}` : ''}`);
}

export const changeStatus = (id: string, status: StaffStatusChange['status']) =>
  apiRequest<StaffDayAppointment>('POST', `/api/staff/schedule/appointments/${encodeURIComponent(id)}/status`, { status });
