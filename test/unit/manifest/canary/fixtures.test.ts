import { fixtureTests } from './fixture-helper';

fixtureTests('canary', ['TG-CAN-']);
