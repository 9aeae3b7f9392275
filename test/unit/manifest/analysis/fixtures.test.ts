import { fixtureTests } from '../canary/fixture-helper';

fixtureTests('analysis', ['TG-ANL-']);
