/** Small communiqués for CLI tests: one valid draft, and variations of it. */
export const VALID_DRAFT = `---
schema_version: 1
title: Community Partnerships Roundtable Communiqué
status: draft
meeting:
  group:
    name: Community Partnerships Roundtable
  date: 2021-05-05
  mode: in-person
  place: Perth
  chair: michelle-andrews
attendees:
  - id: michelle-andrews
    name: Michelle Andrews
    organisation: Department of Communities
actions:
  - id: ACT-1
    text: Circulate the Terms of Reference.
    owner: Department of Communities
    due: 2021-06-30
    status: open
---

## Terms of Reference

The Roundtable endorsed its Terms of Reference.
`;

/**
 * The draft with one error: a chair who is not among the attendees (line 11, columns
 * 10-25). It is the Roundtable's next meeting, so checked beside the draft it is not a
 * second communiqué for one date.
 */
export const WITH_ERROR = VALID_DRAFT.replace('chair: michelle-andrews', 'chair: michelle-andrew').replace(
  'date: 2021-05-05',
  'date: 2021-06-02',
);

/** The draft with one warning: "met virtually" in an in-person meeting (line 26); the meeting after that. */
export const WITH_WARNING = `${VALID_DRAFT.replace('date: 2021-05-05', 'date: 2021-06-09')}\nThe Roundtable met virtually for part of the day.\n`;
