import { useSession } from '../auth/session';
import { canReadRollup } from './access';
import { RankingCard } from './RankingCard';

/** On a city's or province's home: its lower organisations ranked on the items handed down to them. */
export function HomeRankingCard() {
  const { me } = useSession();
  if (!me || !canReadRollup(me)) return null;
  return <RankingCard compact withLink />;
}
