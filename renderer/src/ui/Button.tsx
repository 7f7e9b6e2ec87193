import type { ButtonHTMLAttributes } from 'react';
import { cx } from '../lib/cx';
import styles from './ui.module.css';

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'ghost';
  size?: 'md' | 'sm';
}

export function Button({ variant = 'secondary', size = 'md', className, type = 'button', ...rest }: ButtonProps) {
  return <button type={type} className={cx(styles.btn, size === 'sm' && styles.btnSm, className)} data-variant={variant} {...rest} />;
}
