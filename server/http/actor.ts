import type { FastifyRequest } from 'fastify';
import type { Actor } from '../audit/actor';
import type { SignedIn } from '../auth/session.service';
import { AppError } from '../errors/app-error';

/** The signed-in person of a request that passed the policy hook (never null there). */
export function signedInOf(request: FastifyRequest): SignedIn {
  if (!request.signedIn) throw new AppError('AUTH_REQUIRED');
  return request.signedIn;
}

export function actorOf(request: FastifyRequest): Actor & { orgId: number } {
  const { actor } = signedInOf(request);
  return actor as Actor & { orgId: number };
}
