// Reads an iCalendar document on stdin with ical.js (the parser of many web calendars)
// and prints its events as JSON: UID, start and end in UTC, summary, description, URL.
// Time zones come only from the document's own VTIMEZONE components.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

const root = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
for (const zone of root.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(zone);
}
const events = root.getAllSubcomponents("vevent").map((component) => {
  const event = new ICAL.Event(component);
  return {
    uid: event.uid,
    start: event.startDate.toJSDate().toISOString(),
    end: event.endDate.toJSDate().toISOString(),
    summary: event.summary,
    description: event.description,
    url: component.getFirstPropertyValue("url"),
  };
});
process.stdout.write(JSON.stringify(events));
