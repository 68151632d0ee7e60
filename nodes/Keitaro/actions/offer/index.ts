import { OFFER } from '../../helpers/objects';
import { resourceDescription } from '../objectOperations';
import * as archive from './archive.operation';
import * as clone from './clone.operation';
import * as create from './create.operation';
import * as createFile from './createFile.operation';
import * as deleteFile from './deleteFile.operation';
import * as get from './get.operation';
import * as getFile from './getFile.operation';
import * as getFiles from './getFiles.operation';
import * as getMany from './getMany.operation';
import * as restore from './restore.operation';
import * as update from './update.operation';
import * as updateFile from './updateFile.operation';

export const operations = {
	archive,
	clone,
	create,
	createFile,
	deleteFile,
	get,
	getFile,
	getFiles,
	getMany,
	restore,
	update,
	updateFile,
};

export const description = resourceDescription(OFFER, 'getMany', operations);
