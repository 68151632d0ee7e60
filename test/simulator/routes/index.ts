import { campaignRoutes } from './campaigns';
import { clickRoutes } from './clicks';
import { conversionRoutes } from './conversions';
import { groupRoutes } from './groups';
import { logRoutes } from './logs';
import { offerRoutes } from './offers';
import { affiliateNetworkRoutes } from './affiliateNetworks';
import { domainRoutes } from './domains';
import { landingRoutes } from './landings';
import { streamRoutes } from './streams';
import { trafficSourceRoutes } from './trafficSources';
import { reportRoutes } from './reports';
import { botListRoutes } from './botList';
import { integrationRoutes } from './integrations';
import { userRoutes } from './users';
import type { Route } from './types';

export type { Route, RouteContext } from './types';

/** Every Admin API route the simulator serves; test/contract.test.ts checks each against the spec. */
export const adminRoutes: Route[] = [
	...campaignRoutes,
	...offerRoutes,
	...groupRoutes,
	...clickRoutes,
	...conversionRoutes,
	...logRoutes,
	...streamRoutes,
	...landingRoutes,
	...trafficSourceRoutes,
	...affiliateNetworkRoutes,
	...domainRoutes,
	...reportRoutes,
	...userRoutes,
	...botListRoutes,
	...integrationRoutes,
];
