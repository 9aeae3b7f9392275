import { fixtureTests } from '../canary/fixture-helper';

fixtureTests('bluegreen', ['TG-BG-']);
