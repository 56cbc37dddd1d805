// The frameworks shipped in resources/frameworks, by the id the API and the new-year dialog use.
export const SHIPPED_FRAMEWORK_IDS = ['guangdong', 'mof', 'three_level'] as const;
export type ShippedFrameworkId = (typeof SHIPPED_FRAMEWORK_IDS)[number];
