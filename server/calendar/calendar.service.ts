import { workCalendar, type CalendarSettings, type WorkCalendar } from '../../core/calendar/work-calendar';
import type { Db } from '../db/connection';
import { getSetting, getSettingOfOrgs } from '../settings/settings.service';

// A calendar builds a table of working-day totals on first use; settings rarely change, so the
// calendars of the settings in use are kept (keyed by their content, so a change is a new key).
const built = new Map<string, WorkCalendar>();

function calendarFor(settings: CalendarSettings): WorkCalendar {
  const key = JSON.stringify(settings);
  let cal = built.get(key);
  if (!cal) {
    if (built.size >= 200) built.delete(built.keys().next().value!);
    cal = workCalendar(settings);
    built.set(key, cal);
  }
  return cal;
}

/** An organisation's working-day calendar, from its settings (the shipped State Council days plus its own). */
export async function calendarOf(db: Db, orgId: number): Promise<WorkCalendar> {
  return calendarFor(await getSetting(db, orgId, 'workCalendar'));
}

/** The calendars of several organisations in one query (an upper level's roll-up). */
export async function calendarsOf(db: Db, orgIds: readonly number[]): Promise<Map<number, WorkCalendar>> {
  const settings = await getSettingOfOrgs(db, orgIds, 'workCalendar');
  return new Map([...settings].map(([orgId, s]) => [orgId, calendarFor(s)]));
}
