// Typed experiment protocol: steps (constant current, voltage hold, rest, pulse, linear sweep),
// their end conditions and repeated groups. Voltages are vs Li-In.

/** How a current is given: C-rate (1/h, on the electrode's reference capacity), A or A/m². */
export type CurrentSpec =
  | { readonly cRate: number }
  | { readonly current_A: number }
  | { readonly currentDensity_A_per_m2: number };

/** A capacity given per NCM mass (C/kg) or per electrode area (C/m²). */
export type CapacitySpec =
  | { readonly specificCapacity_C_per_kg: number }
  | { readonly arealCapacity_C_per_m2: number };

/**
 * When a step ends (the first condition met wins).
 *
 * @remarks
 * - `voltage`: the cell voltage vs Li-In reaches the value (rising during charge, falling during
 *   discharge; for rest and sweeps the direction is taken from the starting voltage);
 * - `time`: the step has run this long (s);
 * - `current`: |I| has decayed to this magnitude (voltage holds);
 * - `capacity`: |∫ I dt| within the step reaches this charge.
 */
export type EndCondition =
  | { readonly kind: 'voltage'; readonly voltageVsLiIn_V: number }
  | { readonly kind: 'time'; readonly duration_s: number }
  | { readonly kind: 'current'; readonly current: CurrentSpec }
  | { readonly kind: 'capacity'; readonly capacity: CapacitySpec };

/** Direction of a current step: charge delithiates the NCM (I > 0). */
export type CurrentDirection = 'charge' | 'discharge';

/** Constant current until an end condition. */
export interface CurrentStep {
  readonly kind: 'current';
  readonly direction: CurrentDirection;
  /** Magnitude (the direction gives the sign). */
  readonly current: CurrentSpec;
  readonly until: readonly EndCondition[];
}

/** Zero current. */
export interface RestStep {
  readonly kind: 'rest';
  readonly until: readonly EndCondition[];
}

/** Constant voltage vs Li-In (the current becomes an unknown). */
export interface VoltageStep {
  readonly kind: 'voltage';
  readonly voltageVsLiIn_V: number;
  readonly until: readonly EndCondition[];
}

/** A current pulse followed by a rest ([Kim2024] pulse test: 1C for 60 s, rest 600 s). */
export interface PulseStep {
  readonly kind: 'pulse';
  readonly direction: CurrentDirection;
  readonly current: CurrentSpec;
  /** Pulse length (s). */
  readonly duration_s: number;
  /** Rest after the pulse (s). */
  readonly rest_s: number;
}

/** Linear voltage sweep through vertex potentials vs Li-In at a constant scan rate. */
export interface SweepStep {
  readonly kind: 'sweep';
  /** Scan rate (V/s), > 0. */
  readonly scanRate_V_per_s: number;
  /** Vertex potentials vs Li-In (V); the sweep starts at the first (≥ 2 entries). */
  readonly vertices_V: readonly number[];
  /** Optional extra end conditions. */
  readonly until: readonly EndCondition[];
}

/** One protocol step. */
export type ProtocolStep = CurrentStep | RestStep | VoltageStep | PulseStep | SweepStep;

/** A group of items repeated `count` times (each repetition is one cycle). */
export interface RepeatGroup {
  readonly kind: 'repeat';
  readonly count: number;
  readonly steps: readonly ProtocolItem[];
}

/** A protocol item: a typed step, a readable step string (see `parseStep`) or a repeat group. */
export type ProtocolItem = ProtocolStep | RepeatGroup | string;

/** An experiment protocol. */
export type Protocol = readonly ProtocolItem[];

/** Builds a {@link RepeatGroup}. */
export function repeat(count: number, steps: readonly ProtocolItem[]): RepeatGroup {
  return { kind: 'repeat', count, steps };
}
