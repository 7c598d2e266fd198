import { css } from 'lit';
import { tokens } from '../../theme/tokens.js';
import { cardStyles } from '../shared/card.styles.js';

export const styles = [tokens, cardStyles, css``];
