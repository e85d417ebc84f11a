// Stands in for antd's Tree where antd's Table imports it for its column filters (web/vite.config.ts,
// lazyAntdParts): the table shows a Tree only for a column with filterMode 'tree', which no page
// uses, yet its static import put rc-tree (~15 kB gzip) into every page with a table. Here it
// downloads the first time such a filter opens.
import type { TreeProps } from 'antd';
import { lazy, Suspense, type ComponentType } from 'react';

const Tree = lazy(() => import('antd/es/tree')) as unknown as ComponentType<TreeProps>;

export default function LazyTree(props: TreeProps) {
  return (
    <Suspense fallback={null}>
      <Tree {...props} />
    </Suspense>
  );
}
