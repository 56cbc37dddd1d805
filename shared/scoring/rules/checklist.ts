/** 是否判断: yes earns the full weight, no earns nothing. */
export function scoreChecklist(answer: 'yes' | 'no', weightCenti: number): number {
  return answer === 'yes' ? weightCenti : 0;
}
