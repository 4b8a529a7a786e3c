/** The organization's member states, by ISO 3166 alpha-2 code. */
export const MEMBER_STATE_CODES = ['AM', 'BY', 'KZ', 'KG', 'RU', 'TJ'] as const;
export type MemberStateCode = (typeof MEMBER_STATE_CODES)[number];

export interface MemberState {
  code: MemberStateCode;
  nameRu: string;
  nameEn: string;
  timeZone: string;
}

export const isMemberStateCode = (value: string): value is MemberStateCode =>
  (MEMBER_STATE_CODES as readonly string[]).includes(value);
