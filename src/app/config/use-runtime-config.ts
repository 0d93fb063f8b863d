import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { configQueries } from './config-query';
import type { ConfigIssue } from './config-schema';
import type { ConfigFileResult } from './load-config-file';
import { mergeConfig, type EffectiveConfig } from './merge-config';
import { parseQueryOverrides } from './query-overrides';
import { savedSettingsLayer } from './saved-settings';
import { useSavedSettings } from '../app-context';

export type RuntimeConfigState =
  | { status: 'loading' }
  | (EffectiveConfig & {
      status: 'ready';
      file: ConfigFileResult;
      /** Rejected values from config.json and the URL query; each fell back to the layer below. */
      issues: ConfigIssue[];
      unknownKeys: string[];
    });

function currentSearch(): string {
  return typeof window === 'undefined' ? '' : window.location.search;
}

/** The effective runtime configuration: defaults < config.json < saved settings < URL query. */
export function useRuntimeConfig(): RuntimeConfigState {
  const file = useQuery(configQueries.file());
  const saved = useSavedSettings();
  const search = currentSearch();
  return useMemo((): RuntimeConfigState => {
    if (!file.data) return { status: 'loading' };
    const query = parseQueryOverrides(search);
    const fileLayer = file.data.kind === 'loaded' ? file.data.layer : {};
    const merged = mergeConfig({ file: fileLayer, saved: savedSettingsLayer(saved), query: query.layer });
    const fileIssues = file.data.kind === 'loaded' ? file.data.issues : [];
    return {
      status: 'ready',
      ...merged,
      file: file.data,
      issues: [...fileIssues, ...query.issues],
      unknownKeys: file.data.kind === 'loaded' ? file.data.unknownKeys : [],
    };
  }, [file.data, saved, search]);
}
