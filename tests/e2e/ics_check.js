// Parses an iCalendar file with ical.js (as calendar programs do) and checks
// what Outlook and Google Calendar need: CRLF lines of at most 75 octets,
// VERSION and PRODID, and in every VEVENT a unique UID, a DTSTAMP and a
// DTSTART. Prints "events: N" and one line per event: UID, start, summary.
//   node ics_check.js TOOLS_DIR FILE.ics
const path = require('path');
const fs = require('fs');
const [tools, file] = process.argv.slice(2);
const ICAL = require(require.resolve('ical.js', { paths: [tools] }));
const bytes = fs.readFileSync(file);
const text = bytes.toString('utf8');
const problems = [];
if (!text.endsWith('\r\n')) problems.push('does not end with CRLF');
const lines = text.split('\r\n');
lines.pop();
lines.forEach((l, i) => {
  if (l.includes('\n') || l.includes('\r')) problems.push(`line ${i + 1}: bare line break`);
  if (Buffer.byteLength(l, 'utf8') > 75) problems.push(`line ${i + 1}: longer than 75 octets`);
});
const cal = new ICAL.Component(ICAL.parse(text));
for (const p of ['version', 'prodid']) if (!cal.getFirstPropertyValue(p)) problems.push(`no ${p}`);
if (cal.getFirstPropertyValue('version') !== '2.0') problems.push('VERSION is not 2.0');
const uids = new Set();
const events = cal.getAllSubcomponents('vevent');
const out = [];
for (const v of events) {
  const e = new ICAL.Event(v);
  if (!e.uid) problems.push('event without UID');
  if (uids.has(e.uid)) problems.push(`duplicate UID ${e.uid}`);
  uids.add(e.uid);
  if (!v.getFirstPropertyValue('dtstamp')) problems.push(`${e.uid}: no DTSTAMP`);
  if (!e.startDate) problems.push(`${e.uid}: no DTSTART`);
  out.push(`${e.uid} ${e.startDate.toString()} ${e.isRecurring() ? '(recurring) ' : ''}${e.summary}`);
}
console.log(`events: ${events.length}`);
console.log(out.join('\n'));
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
