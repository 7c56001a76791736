// The year's figures an assessor asks for, per unit and per jurisdiction (see
// docs/compliance.md, "Figures for the review"). Computed by the office function;
// the app shows them as they come.
export interface Figures {
  events: number;
  held: number;
  heldAsPlanned: number;
  heldAsPlannedShare: number | null;
  planOnTime: number;
  planOnTimeShare: number | null;
  reportOnTime: number;
  reportOnTimeShare: number | null;
  published: number;
  residentsReached: number;
  avgRating: number | null;
  ratings: number;
}
