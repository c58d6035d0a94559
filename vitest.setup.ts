// Test setup shared by every project: property tests draw from one fixed fast-check seed, so a
// run is reproducible and CI never fails on a case no earlier run could have seen.
import fc from 'fast-check';

fc.configureGlobal({ seed: 20261129 });
