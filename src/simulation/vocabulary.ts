// Realistic value tables for generated leads: countries, sources, job titles, industries, names and companies, with weights.

type Weighted<T = string> = readonly (readonly [T, number])[];

/** ISO code, English name, weight (roughly the mix of a global B2B inbound funnel). */
export const COUNTRIES: readonly (readonly [string, string, number])[] = [
  ["US", "United States", 30], ["GB", "United Kingdom", 8], ["IN", "India", 8], ["DE", "Germany", 7],
  ["CA", "Canada", 5], ["FR", "France", 5], ["AU", "Australia", 4], ["CN", "China", 3], ["NL", "Netherlands", 3],
  ["BR", "Brazil", 3], ["JP", "Japan", 3], ["ES", "Spain", 2], ["IT", "Italy", 2], ["SE", "Sweden", 2],
  ["SG", "Singapore", 2], ["MX", "Mexico", 2], ["CH", "Switzerland", 1], ["AE", "United Arab Emirates", 1],
  ["ZA", "South Africa", 1], ["PL", "Poland", 1], ["IE", "Ireland", 1], ["KR", "South Korea", 1],
];

export const REGIONS: Weighted = [["NA", 38], ["EMEA", 34], ["APAC", 22], ["LATAM", 6]];

export const US_STATES: Weighted = [
  ["CA", 12], ["TX", 9], ["NY", 8], ["FL", 6], ["IL", 4], ["WA", 4], ["MA", 4], ["GA", 3], ["NC", 3], ["CO", 3],
  ["PA", 3], ["OH", 2], ["VA", 3], ["NJ", 3], ["AZ", 2], ["MN", 2], ["OR", 2], ["UT", 2],
];

export const CITIES: Weighted = [
  ["New York", 8], ["London", 7], ["San Francisco", 5], ["Berlin", 4], ["Bengaluru", 4], ["Toronto", 3], ["Paris", 3],
  ["Sydney", 3], ["Shanghai", 3], ["Singapore", 3], ["Austin", 2], ["Chicago", 3], ["Amsterdam", 2], ["Munich", 2],
  ["Mumbai", 3], ["São Paulo", 2], ["Tokyo", 3], ["Madrid", 2], ["Stockholm", 1], ["Dublin", 1],
];

export const SOURCES: Weighted = [
  ["web", 34], ["organic_search", 14], ["paid_search", 10], ["referral", 9], ["event", 8], ["partner", 7],
  ["webinar", 6], ["social", 6], ["email", 4], ["chat", 2],
];

export const JOB_TITLES: Weighted = [
  ["Marketing Manager", 8], ["Sales Director", 6], ["VP of Sales", 4], ["Head of Marketing", 5], ["CEO", 4], ["CTO", 3],
  ["Founder", 3], ["Software Engineer", 7], ["Engineering Manager", 4], ["Product Manager", 6], ["Operations Manager", 5],
  ["IT Director", 4], ["CFO", 2], ["Account Executive", 5], ["Business Analyst", 5], ["Data Scientist", 3],
  ["Customer Success Manager", 4], ["HR Manager", 3], ["Procurement Specialist", 2], ["Student", 3], ["Consultant", 4],
  ["Chief Revenue Officer", 1], ["Marketing Coordinator", 4], ["Sales Development Representative", 4],
];

export const SENIORITIES: Weighted = [["Entry", 20], ["Mid", 35], ["Senior", 25], ["Director", 10], ["VP", 6], ["C-level", 4]];

export const INDUSTRIES: Weighted = [
  ["software", 18], ["financial services", 10], ["healthcare", 9], ["retail", 8], ["manufacturing", 9], ["education", 7],
  ["consulting", 7], ["telecommunications", 5], ["media", 5], ["logistics", 5], ["real estate", 4], ["energy", 4],
  ["government", 3], ["non-profit", 3], ["hospitality", 3],
];

export const PRODUCTS: Weighted = [["crm", 10], ["analytics", 8], ["automation", 7], ["support", 6], ["payments", 5], ["security", 5], ["api", 4]];

export const LANGUAGES: Weighted = [["en", 60], ["de", 8], ["fr", 7], ["es", 7], ["zh", 8], ["ja", 4], ["pt", 4], ["nl", 2]];

export const GENERIC_TAGS: readonly string[] = ["newsletter", "pricing", "demo", "trial", "case-study", "whitepaper", "webinar", "integration"];

export const FIRST_NAMES: readonly string[] = [
  "Ann", "Bo", "Carlos", "Dana", "Elif", "Farah", "Gus", "Hana", "Ivan", "Jia", "Kofi", "Lena", "Mateo", "Nia", "Omar",
  "Priya", "Quinn", "Rosa", "Sven", "Tariq", "Uma", "Viktor", "Wen", "Xavier", "Yuki", "Zoe", "Liam", "Emma", "Noah",
  "Olivia", "Arjun", "Mei", "Lukas", "Sofia", "Chen", "Aisha", "Mohammed", "Isabel", "Hiroshi", "Grace",
];

export const LAST_NAMES: readonly string[] = [
  "Smith", "Müller", "Garcia", "Patel", "Wang", "Kim", "Nguyen", "Johnson", "Rossi", "Dubois", "Silva", "Novak",
  "Kowalski", "Jensen", "Okafor", "Tanaka", "Schmidt", "Brown", "Lopez", "Singh", "Li", "Ivanova", "Haddad", "Murphy",
  "Andersson", "Costa", "Fischer", "Chen", "Khan", "Walker",
];

const COMPANY_HEADS = ["Acme", "Blue", "North", "Bright", "Silver", "Nova", "Apex", "Green", "Vertex", "Summit", "Harbor", "Pioneer", "Atlas", "Lumen", "Orbit", "Cedar", "Iron", "Clear", "Swift", "Quantum"];
const COMPANY_TAILS = ["Labs", "Systems", "Logistics", "Health", "Analytics", "Works", "Retail", "Foods", "Energy", "Capital", "Media", "Robotics", "Networks", "Software", "Partners", "Dynamics"];
const COMPANY_SUFFIXES: Weighted = [["", 40], [" Inc", 20], [" Ltd", 12], [" GmbH", 10], [" LLC", 10], [" SA", 4], [" Co", 4]];

export const COMPANY_PARTS = { heads: COMPANY_HEADS, tails: COMPANY_TAILS, suffixes: COMPANY_SUFFIXES } as const;
