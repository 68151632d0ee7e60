import { TRAFFIC_SOURCE } from '../../helpers/objects';
import { resourceDescription } from '../objectOperations';
import * as archive from './archive.operation';
import * as clone from './clone.operation';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';

export const operations = {
	archive,
	clone,
	create,
	get,
	getMany,
	restore,
	update,
};

export const description = resourceDescription(TRAFFIC_SOURCE, 'getMany', operations);
